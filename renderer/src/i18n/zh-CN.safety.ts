/** 简体中文: sign-in locks on the users page. */
export const zhSafety = {
  signInLocks: {
    open: '登录锁定',
    title: '登录锁定',
    intro: '密码连续输错会锁定那台电脑上的这个账号（或对多个账号猜密码的那台电脑），别处的电脑不受影响。锁定到时自动解除，也可在此提前解除。',
    empty: '当前没有被锁定的账号或电脑',
    scope: '锁定对象',
    pair: '账号 {{username}}',
    address: '这台电脑的所有账号',
    addressCol: '来源电脑（地址）',
    failures: '失败次数',
    lastAt: '最近一次',
    lockedUntil: '锁定至',
    clear: '解除',
    clearConfirm: '解除这项锁定？失败次数也一并清零。',
    cleared: '已解除锁定',
  },
} as const;
