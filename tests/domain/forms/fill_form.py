"""A person filling a returned OPD form in a spreadsheet program, played by openpyxl.

Usage: fill_form.py FORM.xlsx INDICATOR_ID
Opens the form, types 12,5 as text into the indicator's realisasi cell (as Excel in
an English locale keeps it), a HYPERLINK formula into its kendala cell, and saves the
workbook in place, as Excel would.
"""
import sys

import openpyxl

path, indicator = sys.argv[1], sys.argv[2]
book = openpyxl.load_workbook(path)
sheet = next(s for s in book.worksheets if s.sheet_state == "visible")
keys = {}
for row in sheet.iter_rows():
    for cell in row:
        if isinstance(cell.value, str) and cell.value.startswith("rr:"):
            keys[cell.value[3:]] = cell.column
    if keys:
        break
for row in sheet.iter_rows():
    if row[keys["id"] - 1].value == indicator:
        r = row[0].row
        sheet.cell(row=r, column=keys["actual"]).value = "12,5"
        sheet.cell(row=r, column=keys["obstacle"]).value = '=HYPERLINK("http://x.test")'
        break
else:
    sys.exit(f"no row for {indicator}")
book.save(path)
