from zsdreport.cli import console

console()
