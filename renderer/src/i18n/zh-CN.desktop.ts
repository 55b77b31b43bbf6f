/** 简体中文: the desktop app's own screens — the start screen and updates from the office server. */
export const zhDesktop = {
  startup: {
    title: 'GridDesk 正在启动',
    phases: {
      opening: '正在打开台账…',
      backup: '正在备份数据库（今日首次启动或升级前）…',
      migrate: '正在升级数据库结构…',
      ready: '完成',
      failed: '启动失败',
    },
    steps: { backup: '备份', migrate: '升级数据库', ready: '打开台账' },
    failedTitle: '无法打开台账',
    folder: '数据文件夹：{{folder}}',
    detail: '技术信息（可发给管理员）',
    openFolder: '打开数据文件夹',
    quit: '退出',
    failures: {
      'data-folder': {
        what: '无法创建或移动数据文件夹。',
        todo: '请确认本机磁盘可写（不在只读或网络位置），然后重新启动；若提示权限不足，请联系本单位信息管理员。',
      },
      'connection-file': {
        what: '连接设置文件 connection.json 已损坏。',
        todo: '打开数据文件夹，删除 connection.json 后重新启动，再选择“单机”或“连接办公室服务器”。台账数据不受影响。',
      },
      locked: {
        what: '数据库正被另一个程序使用。',
        todo: '请关闭其他 GridDesk 窗口或正在打开 griddesk.sqlite 的程序（如备份软件、杀毒扫描），稍后重新启动。',
      },
      'no-permission': {
        what: '没有权限读写数据文件夹。',
        todo: '请联系本单位信息管理员，为当前 Windows 账号开放该文件夹的读写权限。',
      },
      'disk-full': {
        what: '磁盘空间不足，无法备份或打开数据库。',
        todo: '请清理磁盘（可删除数据文件夹 backups 中较早的备份），然后重新启动。',
      },
      damaged: {
        what: '数据库文件已损坏。',
        todo: '请不要再写入。打开数据文件夹，在 backups 中找到最近的备份；联系管理员在“备份与恢复”页或按 README 用备份替换 griddesk.sqlite。',
      },
      'newer-version': {
        what: '这个数据库由更新版本的 GridDesk 建立。',
        todo: '请安装最新版本的 GridDesk（可从办公室服务器更新）；不要用旧版本打开它。',
      },
      unknown: {
        what: '启动时发生意外错误。',
        todo: '请重新启动一次；仍然失败时，把下方技术信息发给管理员。数据文件夹中的 backups 保存有每日备份。',
      },
    },
  },
  updates: {
    downloading: '正在下载新版本 {{version}}：{{percent}}%',
    ready: '新版本 {{version}} 已下载',
    restartNow: '立即重启并更新',
    later: '退出时更新',
    readyHint: '重启后即为新版本，台账数据不受影响。选择“退出时更新”则在下次关闭程序时安装。',
    error: '检查更新失败：{{message}}',
    settingTitle: '程序更新',
    managedByServer: '本机连接办公室服务器，从服务器获取更新（每天检查一次）。',
    source: '更新来源',
    sourceNever: '不检查更新',
    sourceUrl: '网址',
    sourceFolder: '共享文件夹',
    urlPlaceholder: '例如 https://192.168.1.20:5781/updates/',
    folderPlaceholder: '例如 \\\\SERVER\\GridDesk更新 或 D:\\GridDesk更新',
    save: '保存',
    checkNow: '立即检查',
    saved: '已保存更新来源',
    current: '已是最新版本（{{at}} 检查）',
    checking: '正在检查更新…',
    off: '未设置更新来源，不检查更新。',
    badUrl: '网址应以 http:// 或 https:// 开头',
    badFolder: '请填写文件夹路径',
  },
} as const;
