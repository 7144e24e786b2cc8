from zsdreport.cli import main

main()
