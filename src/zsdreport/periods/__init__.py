"""The next period: period names and checks, `new`, the spreadsheets of `metrics`/`fill`."""
