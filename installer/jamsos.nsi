; JamSos Desktop installer (NSIS 3, Unicode). Per-user: no administrator rights are needed or asked for.
;
;   makensis -DVERSION=0.1.0 -DBUNDLE_DIR=..\dist\jamsos -DOUTFILE=..\dist\JamSos-0.1.0-setup.exe jamsos.nsi
;
; (installer/build_bundle.py --nsis passes these.) Installs the PyInstaller folder to
; %LOCALAPPDATA%\Programs\JamSos, adds Start-menu and desktop shortcuts, makes .jamsync files open with
; JamSos (HKCU), and registers an uninstaller in "Apps & features". The data folder %LOCALAPPDATA%\JamSos
; (database, backups, logs, keys) is never touched: not by an upgrade, not by the uninstaller.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "..\dist\jamsos"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\JamSos-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\resources\icons\jamsos.ico"
!endif

!define APP "JamSos"
!define APP_LONG "JamSos Desktop"
!define PUBLISHER "JamSos Desktop developers"
!define EXE "jamsos.exe"
!define CLI_EXE "jamsos-cli.exe"
!define REG_APP "Software\JamSos"
!define REG_UNINSTALL "Software\Microsoft\Windows\CurrentVersion\Uninstall\JamSos"
!define PROGID "JamSos.SyncPackage"

Name "${APP_LONG}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\JamSos"
InstallDirRegKey HKCU "${REG_APP}" "InstallDir"
BrandingText "${APP_LONG} ${VERSION}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${REG_APP}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default: Bahasa Indonesia.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString RunningText ${LANG_INDONESIAN} "JamSos masih berjalan. Simpan pekerjaan dan tutup JamSos, lalu klik Coba lagi."
LangString RunningText ${LANG_ENGLISH} "JamSos is still running. Save your work and close JamSos, then click Retry."
LangString PackageType ${LANG_INDONESIAN} "Paket sinkronisasi JamSos"
LangString PackageType ${LANG_ENGLISH} "JamSos sync package"
LangString KeptData ${LANG_INDONESIAN} "Data JamSos tetap disimpan di $LOCALAPPDATA\JamSos (basis data, cadangan, log)."
LangString KeptData ${LANG_ENGLISH} "JamSos data is kept in $LOCALAPPDATA\JamSos (database, backups, logs)."
LangString Upgrading ${LANG_INDONESIAN} "Memperbarui JamSos versi $0 ke ${VERSION}; data tidak diubah."
LangString Upgrading ${LANG_ENGLISH} "Upgrading JamSos $0 to ${VERSION}; the data is not changed."

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_LONG}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_LONG} installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

; Ask a running JamSos to close (WM_CLOSE, so it saves its window state), then wait until its program
; files are free; a running program keeps its .exe locked on Windows.
!macro CloseRunningApp UN
Function ${UN}CloseRunningApp
  IfFileExists "$INSTDIR\${EXE}" 0 done
  nsExec::Exec 'taskkill /IM ${EXE}'
  Pop $1
  nsExec::Exec 'taskkill /IM ${CLI_EXE}'
  Pop $1
  StrCpy $2 0
  check:
    ClearErrors
    FileOpen $1 "$INSTDIR\${EXE}" a
    ${IfNot} ${Errors}
      FileClose $1
      Goto done
    ${EndIf}
    IntOp $2 $2 + 1
    ${If} $2 < 10
      Sleep 500
      Goto check
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(RunningText)" /SD IDCANCEL IDRETRY retry
    Abort
  retry:
    StrCpy $2 0
    Goto check
  done:
FunctionEnd
!macroend
!insertmacro CloseRunningApp ""
!insertmacro CloseRunningApp "un."

Function .onInit
  SetShellVarContext current
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "JamSos" SecMain
  SectionIn RO
  SetShellVarContext current
  ; Upgrade in place: the same folder, the old program files replaced, the data folder untouched.
  ReadRegStr $0 HKCU "${REG_UNINSTALL}" "DisplayVersion"
  ${If} $0 != ""
    DetailPrint "$(Upgrading)"
  ${EndIf}
  Call CloseRunningApp
  ; Old libraries must not linger next to new ones; only the program's own folder is cleared.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI_EXE}"

  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Shortcuts for this user only.
  CreateShortcut "$SMPROGRAMS\JamSos.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$DESKTOP\JamSos.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; .jamsync packages open with JamSos (per-user file association, no administrator rights needed).
  WriteRegStr HKCU "Software\Classes\.jamsync" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.jamsync" "Content Type" "application/x-jamsync"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(PackageType)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\${EXE}",0'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; "Apps & features" entry (per-user).
  WriteRegStr HKCU "${REG_APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${REG_APP}" "Version" "${VERSION}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "DisplayName" "${APP_LONG}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "DisplayIcon" '"$INSTDIR\${EXE}",0'
  WriteRegStr HKCU "${REG_UNINSTALL}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${REG_UNINSTALL}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${REG_UNINSTALL}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${REG_UNINSTALL}" "NoModify" 1
  WriteRegDWORD HKCU "${REG_UNINSTALL}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${REG_UNINSTALL}" "EstimatedSize" "$0"
  DetailPrint "$(KeptData)"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Call un.CloseRunningApp
  Delete "$SMPROGRAMS\JamSos.lnk"
  Delete "$DESKTOP\JamSos.lnk"

  ; Remove the association only while it is still ours.
  ReadRegStr $0 HKCU "Software\Classes\.jamsync" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey HKCU "Software\Classes\.jamsync"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Program files only. The data folder $LOCALAPPDATA\JamSos is a different folder and stays.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "${REG_UNINSTALL}"
  DeleteRegKey HKCU "${REG_APP}"
  DetailPrint "$(KeptData)"
SectionEnd
