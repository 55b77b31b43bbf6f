/** 简体中文: how this PC reaches its ledgers — 单机 or the office server. */
export const zhConnection = {
  connection: {
    title: '选择使用方式',
    intro:
      '这台电脑上的 GridDesk 可以单独使用，也可以连接办公室服务器，与其他电脑共用一套台账。以后管理员可在“规则阈值”页更改。',
    standalone: '单机',
    standaloneHint: '台账保存在这台电脑上（适合只有一台电脑使用）。',
    client: '连接办公室服务器',
    clientHint: '多台电脑共用服务器上的台账；账号和权限由服务器管理。',
    address: '服务器地址',
    addressHint: '服务器启动时显示的“客户端地址”，例如 https://192.168.1.20:5781',
    probe: '读取证书',
    certificate: '服务器证书',
    subject: '名称',
    validTo: '有效期至',
    fingerprint: '指纹（SHA-256）',
    compare: '请与服务器屏幕上显示的“证书指纹”逐组核对。一致才能连接；不一致说明连到的可能不是本所的服务器。',
    confirm: '指纹与服务器上显示的完全一致',
    continue: '继续',
    restarting: '正在按新的方式重新启动 GridDesk…',
    badAddress: '服务器地址应以 https:// 开头，例如 https://192.168.1.20:5781',
    fingerprintChanged: '服务器的证书指纹与刚才核对的不一致，未保存。请重新读取并核对。',
    current: '连接方式',
    currentStandalone: '单机：台账保存在这台电脑上',
    currentClient: '客户端：连接 {{server}}',
    change: '更改…',
  },
} as const;
