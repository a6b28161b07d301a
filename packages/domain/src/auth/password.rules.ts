/** Minimum password length (等保 2.0 level 3). */
export const PASSWORD_MIN_LENGTH = 12;
/** Maximum password length accepted (protects the hash function). */
export const PASSWORD_MAX_LENGTH = 128;

const COMMON_PASSWORDS = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passw0rd1234',
  'p@ssw0rd1234',
  'p@ssword1234',
  'qwerty123456',
  'qwertyuiop12',
  'qwer1234qwer',
  '1qaz2wsx3edc',
  '1qaz@wsx3edc',
  '1q2w3e4r5t6y',
  'abc123456789',
  'abcd12345678',
  'admin1234567',
  'admin@123456',
  'administrator',
  'welcome12345',
  'iloveyou1234',
  'letmein12345',
  'zaq12wsxcde3',
  'a1234567890b',
  'aa1234567890',
  'changeme1234',
  'woaini123456',
  'woaini1314520',
  'shanghai1234',
  'shanghai@123',
  'zhongguo1234',
  'china1234567',
  'password@123',
  'password#123',
  'qwerty@12345',
  'admin@12345678',
  'test12345678',
  'Aa1234567890',
  'Abc@12345678',
  'Admin@123456',
  'Password@123',
  'Qwer@1234567',
  'P@ssw0rd1234',
  'Aa123456789!',
]);

/** Checks the password rules; returns the Chinese problems found (empty when the password is acceptable). */
export function checkPassword(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码长度至少${PASSWORD_MIN_LENGTH}位`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`密码长度不能超过${PASSWORD_MAX_LENGTH}位`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、特殊字符中的至少三类');
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(password) || COMMON_PASSWORDS.has(lower) || [...COMMON_PASSWORDS].some((c) => c.toLowerCase() === lower)) {
    problems.push('该密码过于常见，请换一个不易猜到的密码');
  }
  if (username && lower.includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}
