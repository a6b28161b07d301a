import { describe, expect, it } from 'vitest';
import { ObjectionInputSchema, maskEmail, maskName, maskObjector, maskPhone } from './objection.schemas.ts';

const valid = { name: '张三', phone: '13812345678', itemId: 'c1', grounds: '该职业已纳入准入类职业资格目录。' };

describe('ObjectionInputSchema', () => {
  it('accepts phone or e-mail, trims, drops empty optionals', () => {
    expect(ObjectionInputSchema.parse({ ...valid, name: ' 张三 ', organization: '' })).toEqual({
      name: '张三',
      phone: '13812345678',
      itemId: 'c1',
      grounds: '该职业已纳入准入类职业资格目录。',
    });
    const byMail = ObjectionInputSchema.parse({ ...valid, phone: '', email: ' a@example.com ' });
    expect(byMail.email).toBe('a@example.com');
    expect(byMail.phone).toBeUndefined();
    expect(ObjectionInputSchema.parse({ ...valid, phone: '021-12345678', organization: '某公司' }).organization).toBe('某公司');
  });

  it('keeps HTML as plain text (escaping is the renderer’s job)', () => {
    expect(ObjectionInputSchema.parse({ ...valid, grounds: '<script>alert(1)</script>' }).grounds).toBe('<script>alert(1)</script>');
  });

  it.each([
    [{ name: '' }, 'name', '请填写姓名'],
    [{ name: undefined }, 'name', '请填写姓名'],
    [{ name: '张'.repeat(51) }, 'name', '姓名不能超过50个字符'],
    [{ phone: undefined }, 'phone', '请至少填写联系电话或电子邮箱中的一项'],
    [{ phone: '' }, 'phone', '请至少填写联系电话或电子邮箱中的一项'],
    [{ phone: '12345' }, 'phone', '请填写手机号'],
    [{ phone: undefined, email: 'not-mail' }, 'email', '请填写有效的电子邮箱'],
    [{ itemId: '' }, 'itemId', '请选择要提出异议的职业（工种）'],
    [{ grounds: '   ' }, 'grounds', '请填写异议理由'],
    [{ grounds: '字'.repeat(2001) }, 'grounds', '异议理由不能超过2000字'],
    [{ organization: '单'.repeat(101) }, 'organization', '单位名称不能超过100个字符'],
    [{ extra: 1 }, '', ''],
  ])('refuses %o at %s with a Chinese message', (patch, path, message) => {
    const r = ObjectionInputSchema.safeParse({ ...valid, ...patch });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    if (path) expect(issue.path.join('.')).toBe(path);
    expect(issue.message).toContain(message);
  });

  it('accepts exactly 2000 characters of grounds', () => {
    expect(ObjectionInputSchema.safeParse({ ...valid, grounds: '字'.repeat(2000) }).success).toBe(true);
  });
});

describe('masking personal data', () => {
  it.each([
    ['张三', '张**'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧**'],
    ['John Smith', 'J**'],
    ['𠀀二', '𠀀**'],
    ['', ''],
  ])('name %j → %j', (name, masked) => expect(maskName(name)).toBe(masked));

  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['021-12345678', '021****5678'],
    ['12345', '****45'],
    ['', ''],
  ])('phone %j → %j', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it.each([
    ['alice@example.com', 'a***@example.com'],
    ['a@example.com', 'a***@example.com'],
    ['张三@例子.中国', '张***@例子.中国'],
    ['broken', '***'],
    ['', ''],
  ])('e-mail %j → %j', (email, masked) => expect(maskEmail(email)).toBe(masked));

  it('masks an objector record', () => {
    expect(maskObjector({ name: '李四', phone: '13912345678', email: null, organization: '某协会' })).toEqual({
      name: '李**',
      phone: '139****5678',
      email: null,
      organization: '某协会',
    });
  });
});
