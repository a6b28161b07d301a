import { describe, expect, it } from 'vitest';
import { checkPassword } from './password.rules.ts';

describe('password rules', () => {
  it.each([
    ['Brand#New-Secret9', 'alice', []],
    ['Short#1a', 'alice', ['密码长度至少12位']],
    ['alllowercaseletters', 'alice', ['密码须包含大写字母、小写字母、数字、特殊字符中的至少三类']],
    ['Password@123', 'bob', ['该密码过于常见，请换一个不易猜到的密码']],
    ['Xx#1-alice-2024', 'Alice', ['密码不能包含用户名']],
  ])('%s (user %s)', (pw, user, problems) => expect(checkPassword(pw, user)).toEqual(problems));
});
