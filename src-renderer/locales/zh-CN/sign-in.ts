/** `signIn.*` messages in zh-CN, the seeds' exact wording. Owner: I18N. Keep en/sign-in.ts in step. */
export default {
  title: '操作员登录',
  username: '用户名',
  password: '密码',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  submit: '登录',
}
