@echo off
rem PipelineSeg as a Windows service (docs/service.md, "Running as a service"). Run from an elevated prompt after
rem   dotnet publish src\PipelineSeg.Host -c Release -r win-x64 --self-contained false -o "C:\Program Files\PipelineSeg"
rem (or after copying a self-contained release folder from release/build-release.sh there), with the configuration in C:\ProgramData\PipelineSeg\serve.json. UseWindowsService() makes pipelineseg.exe answer the
rem service control manager; logs go to the Windows event log (Application log, source "pipelineseg") as well as stderr.
sc.exe create PipelineSeg binPath= "\"C:\Program Files\PipelineSeg\pipelineseg.exe\" serve --config \"C:\ProgramData\PipelineSeg\serve.json\"" start= delayed-auto DisplayName= "PipelineSeg segmentation service"
sc.exe description PipelineSeg "Watches folders for DICOM exports and writes a DICOM-SEG and report per series."
rem Restart after a crash (10 s, 60 s, 60 s); a configuration error exits with code 2 and is logged.
sc.exe failure PipelineSeg reset= 86400 actions= restart/10000/restart/60000/restart/60000
sc.exe start PipelineSeg
