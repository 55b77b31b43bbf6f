; GridDesk NSIS additions. The ledgers live in %LOCALAPPDATA%\GridDesk and the uninstaller never
; removes them. An update runs the old uninstaller silently first: then nothing is shown (isUpdated),
; and a silent uninstall (/S) takes the box's default answer (/SD) instead of waiting for a click.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    MessageBox MB_OK|MB_ICONINFORMATION "GridDesk 已卸载。台账数据仍保存在 $LOCALAPPDATA\GridDesk 中，如需彻底删除请手动删除该文件夹。" /SD IDOK
  ${endIf}
!macroend
