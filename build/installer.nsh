; GridDesk NSIS additions. The ledgers live in %APPDATA%\GridDesk and are never removed by the
; uninstaller; say so at the end of uninstall.
!macro customUnInstall
  MessageBox MB_OK "GridDesk 已卸载。台账数据仍保存在 %APPDATA%\GridDesk 中，如需彻底删除请手动删除该文件夹。"
!macroend
