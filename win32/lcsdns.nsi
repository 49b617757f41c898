; SPDX-License-Identifier: GPL-3.0-or-later
; The lcsdns installer: the bundle made by win32/build, for the current user (no administrator
; rights needed, the default) or all users (/AllUsers, or the choice on the first page), with a
; Start menu shortcut, an uninstaller and the .lcsdns file association.
; makensis [-DGUI] -DVERSION=... -DBUNDLE=<bundle dir> -DICON=<.ico> -DOUTFILE=<setup.exe> lcsdns.nsi
; (GUI: the bundle has the console; without it, lcsdns-check.exe alone, no shortcut or association)
Unicode true
; A 64-bit stub: the default 32-bit one does not run where there is no 32-bit Windows layer.
Target amd64-unicode
SetCompressor /SOLID lzma

!define APPNAME "LCS DNS Console"
!define REGKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\lcsdns"

!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "lcsdns"
!include MultiUser.nsh
!include MUI2.nsh

Name "${APPNAME}"
OutFile "${OUTFILE}"
Icon "${ICON}"
UninstallIcon "${ICON}"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "FileDescription" "${APPNAME} setup"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "GPL-3.0-or-later"

!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!ifdef GUI
!define MUI_FINISHPAGE_RUN "$INSTDIR\bin\lcsdns.exe"
!insertmacro MUI_PAGE_FINISH
!endif
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

!ifdef GUI
  CreateShortCut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\bin\lcsdns.exe"
!endif

  WriteRegStr SHCTX "${REGKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr SHCTX "${REGKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${REGKEY}" "DisplayIcon" "$INSTDIR\bin\lcsdns-check.exe"
  WriteRegStr SHCTX "${REGKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${REGKEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${REGKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${REGKEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${REGKEY}" "NoRepair" 1

!ifdef GUI
  ; A double-clicked profile opens in the console.
  WriteRegStr SHCTX "Software\Classes\.lcsdns" "" "lcsdns.Profile"
  WriteRegStr SHCTX "Software\Classes\lcsdns.Profile" "" "LCS DNS Console profile"
  WriteRegStr SHCTX "Software\Classes\lcsdns.Profile\DefaultIcon" "" "$INSTDIR\bin\lcsdns.exe,0"
  WriteRegStr SHCTX "Software\Classes\lcsdns.Profile\shell\open\command" "" '"$INSTDIR\bin\lcsdns.exe" "%1"'
!endif
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  DeleteRegKey SHCTX "Software\Classes\lcsdns.Profile"
  ReadRegStr $0 SHCTX "Software\Classes\.lcsdns" ""
  StrCmp $0 "lcsdns.Profile" 0 +2
    DeleteRegKey SHCTX "Software\Classes\.lcsdns"
  DeleteRegKey SHCTX "${REGKEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  RMDir /r "$INSTDIR\bin"
  RMDir /r "$INSTDIR\share"
  RMDir /r "$INSTDIR\etc"
  RMDir /r "$INSTDIR\lib"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd
