/** 简体中文: sign-in locks on the users page. */
export const zhSafety = {
  signInLocks: {
    open: '登录锁定',
    title: '登录锁定',
    intro:
      '密码连续输错会锁定那台电脑上的这个账号（或对多个账号猜密码的那台电脑），别处的电脑不受影响。锁定到时自动解除，也可在此提前解除。',
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
  unreachable: {
    title: '无法连接办公室服务器',
    changeTitle: '更换服务器',
    changeIntro:
      '为这台电脑选择新的服务器地址（或改为单机）。核对新服务器的指纹并确认后才会保存；在此之前仍使用 {{server}}。',
    server: '服务器',
    thisApp: 'GridDesk 服务',
    pinned: '首次确认的指纹',
    presented: '服务器现在出示的指纹',
    retry: '重试',
    change: '更换服务器…',
    advice:
      '请确认服务器电脑已开机、GridDesk 服务器在运行，并且这台电脑与服务器在同一网络。服务器的地址变了（例如路由器重新分配了地址）时，请用“更换服务器”输入新地址。',
    adviceCertificate:
      '请与管理员核对服务器屏幕上显示的证书指纹。若服务器确实重新生成了证书，用“更换服务器”重新核对并确认；若不一致，不要连接。',
    reasons: {
      refused: '服务器拒绝连接：那台电脑上的 GridDesk 服务器可能没有运行，或端口不对。',
      timeout: '连接超时：服务器可能已关机，或网络不通。',
      noRoute: '找不到服务器：网络不通，或服务器的地址已经改变。',
      certificate:
        '服务器出示的证书与首次确认的不一致：可能是服务器重新生成了证书，也可能有人冒充服务器。已停止连接，未发送任何数据。',
      offline: '无法连接到 GridDesk 服务。',
      other: '连接服务器时出错。',
    },
  },
} as const;
