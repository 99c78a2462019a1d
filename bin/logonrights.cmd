@echo off
rem logonrights launcher for Windows: runs logonrights.jar with JVM settings for a short-lived CLI.
rem See bin/logonrights for what each option is for. The AppCDS archive logonrights.jsa beside the
rem jar is used when present (mvn package makes it); -Xshare:auto ignores a missing or stale one.
rem Environment: JAVA_HOME (the java to use), LOGONRIGHTS_JAVA_OPTS (more JVM options),
rem LOGONRIGHTS_JAR (another jar), LOGONRIGHTS_CDS=off (no archive).
setlocal

set "LR_JAR=%LOGONRIGHTS_JAR%"
if not defined LR_JAR if exist "%~dp0logonrights.jar" set "LR_JAR=%~dp0logonrights.jar"
if not defined LR_JAR if exist "%~dp0..\target\logonrights.jar" set "LR_JAR=%~dp0..\target\logonrights.jar"
if not defined LR_JAR if exist "%~dp0..\lib\logonrights.jar" set "LR_JAR=%~dp0..\lib\logonrights.jar"
if not defined LR_JAR (
    echo logonrights: cannot find logonrights.jar next to %~f0 ^(build it with 'mvn package' or set LOGONRIGHTS_JAR^) 1>&2
    exit /b 3
)

set "LR_JAVA=java"
if defined JAVA_HOME set "LR_JAVA=%JAVA_HOME%\bin\java.exe"

set "LR_CDS="
for %%J in ("%LR_JAR%") do set "LR_JSA=%%~dpnJ.jsa"
if /i not "%LOGONRIGHTS_CDS%"=="off" if exist "%LR_JSA%" set "LR_CDS=-Xshare:auto "-XX:SharedArchiveFile=%LR_JSA%""

"%LR_JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable "-Xlog:all=warning,cds*=off:stderr" %LR_CDS% %LOGONRIGHTS_JAVA_OPTS% -jar "%LR_JAR%" %*
exit /b %ERRORLEVEL%
