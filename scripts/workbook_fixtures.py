#!/usr/bin/env python3
"""Sources of the workbook fixtures of the e2e tests (see make-workbook-fixtures.sh).

    workbook_fixtures.py fods TABLES_JSON WORK_DIR OUT_DIR
        Reads the example project's tables (the JSON printed by
        `cargo run -q -p cluster-eval-ui --example example_tables`) and writes:
          WORK_DIR/*.fods     flat ODF spreadsheets with typed cells, for soffice to
                              convert (ejemplo-es, exemplo-pt, sin-nombres,
                              sin-tablas, filas-vacias, ancho-combinado);
          OUT_DIR/ejemplo-es.tables.json, OUT_DIR/exemplo-pt.tables.json
                              the same tables as the text a user would paste;
          OUT_DIR/texto.xlsx  a comma-separated text file named .xlsx.

    workbook_fixtures.py same OLD NEW
        Exit status 0 when NEW holds the same as OLD (zip members compared one by
        one, their time stamps aside), so an unchanged fixture is left as it is.

    workbook_fixtures.py encrypt IN.xlsx OUT.xlsx PASSWORD
        Opens IN.xlsx in a running LibreOffice (listening on
        socket,host=localhost,port=$UNO_PORT) and stores it as OUT.xlsx protected by
        PASSWORD. Needs LibreOffice's Python bridge (`import uno`, Debian package
        python3-uno), so run it with the system python3; every other part of this
        file uses the standard library only.

The .fods files are XML written here; the spreadsheets themselves are written by
LibreOffice, never by the project's code.
"""

import json
import os
import re
import sys
from xml.sax.saxutils import escape

# The tables in a workbook, in sheet order (the optional proposals table is left out).
TABLES = ["firms", "territory", "activities", "actors", "subsidies"]

SHEETS = {
    "es": {
        "firms": "Empresas",
        "territory": "Territorio",
        "activities": "Actividades",
        "actors": "Actores",
        "subsidies": "Subsidios",
    },
    "pt": {
        "firms": "Empresas",
        "territory": "Território",
        "activities": "Atividades",
        "actors": "Atores",
        "subsidies": "Subsídios",
    },
}

# Header names: each one is the canonical name or one of its synonyms in
# engine/src/read/schema.rs (checked by hand; the canonical English name is kept
# where no synonym in the language exists).
HEADERS = {
    "es": {
        "firm": "empresa",
        "group": "grupo",
        "year": "año",
        "sales": "ventas",
        "exports": "exportaciones",
        "production": "producción",
        "investment": "inversión",
        "employment": "empleo",
        "quality": "calidad",
        "management": "gestión",
        "eco_efficiency": "ecoeficiencia",
        "marketing": "mercadeo",
        "improved": "mejoró",
        "informal": "informal",
        "workers_women": "trabajadoras mujeres",
        "workers_unskilled": "trabajadores no calificados",
        "workers_informal": "trabajadores informales",
        "workers_youth": "trabajadores jóvenes",
        "workers_indigenous": "trabajadores indígenas",
        "workers_afro": "trabajadores afrodescendientes",
        "workers_disabled": "trabajadores con discapacidad",
        "workers_migrant": "trabajadores migrantes",
        "wage_women": "salario mujeres",
        "wage_men": "salario hombres",
        "local_gdp": "pib local",
        "national_gdp": "pib nacional",
        "activity": "actividad",
        "firms": "empresas",
        "actor": "actor",
        "type": "tipo",
        "amount": "monto",
        "component": "componente",
    },
    "pt": {
        "firm": "empresa",
        "group": "grupo",
        "year": "ano",
        "sales": "vendas",
        "exports": "exportações",
        "production": "produção",
        "investment": "investimento",
        "employment": "emprego",
        "quality": "qualidade",
        "management": "gestão",
        "eco_efficiency": "ecoeficiência",
        "marketing": "marketing",
        "improved": "melhorou",
        "informal": "informal",
        "workers_women": "trabalhadoras mulheres",
        "workers_unskilled": "trabalhadores não qualificados",
        "workers_informal": "trabalhadores informais",
        "workers_youth": "trabalhadores jovens",
        "workers_indigenous": "trabalhadores indígenas",
        "workers_afro": "trabalhadores afrodescendentes",
        "workers_disabled": "trabalhadores com deficiência",
        "workers_migrant": "trabalhadores migrantes",
        "wage_women": "salário mulheres",
        "wage_men": "salário homens",
        "local_gdp": "pib local",
        "national_gdp": "pib nacional",
        "activity": "atividade",
        "firms": "empresas",
        "actor": "ator",
        "type": "tipo",
        "amount": "valor",
        "component": "componente",
    },
}

TITLE = {
    "es": "Monitoreo clúster lácteo Valle Verde",
    "pt": "Monitoramento do cluster de laticínios Valle Verde",
}

NOTE = {
    "es": [
        "Notas",
        "Datos reunidos por el equipo de monitoreo del programa; las cifras de 2023 "
        "son preliminares y se revisarán con los balances de las empresas.",
        "Montos en dólares corrientes.",
    ],
    "pt": [
        "Notas",
        "Dados reunidos pela equipe de monitoramento do programa; os números de 2023 "
        "são preliminares e serão revistos com os balanços das empresas.",
        "Valores em dólares correntes.",
    ],
}

UPDATED = {"es": "Actualizado el", "pt": "Atualizado em"}
UPDATED_ON = "2024-03-15"

LANGUAGE = {"es": ("es", "ES"), "pt": ("pt", "BR")}

NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def rows_of(tsv):
    """The rows of a table's tab-separated text, header first."""
    return [line.split("\t") for line in tsv.split("\n") if line != ""]


def translated(tsv, lang):
    """The table's text with its header line in `lang`; the data lines unchanged."""
    lines = tsv.split("\n")
    lines[0] = "\t".join(HEADERS[lang][name] for name in lines[0].split("\t"))
    return "\n".join(lines)


# ---------------------------------------------------------------- flat ODF writing

FODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document
 xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:styles>
  <style:default-style style:family="table-cell">
   <style:text-properties fo:language="{language}" fo:country="{country}"/>
  </style:default-style>
 </office:styles>
 <office:automatic-styles>
  <number:date-style style:name="N_date">
   <number:day number:style="long"/><number:text>/</number:text>
   <number:month number:style="long"/><number:text>/</number:text>
   <number:year number:style="long"/>
  </number:date-style>
  <style:style style:name="co_wide" style:family="table-column">
   <style:table-column-properties style:column-width="4.5cm"/>
  </style:style>
  <style:style style:name="co_normal" style:family="table-column">
   <style:table-column-properties style:column-width="2.6cm"/>
  </style:style>
  <style:style style:name="ce_title" style:family="table-cell">
   <style:text-properties fo:font-weight="bold" fo:font-size="14pt"/>
  </style:style>
  <style:style style:name="ce_head" style:family="table-cell">
   <style:table-cell-properties fo:background-color="#d9e2f3"
    fo:border-bottom="0.74pt solid #000000"/>
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="ce_fill" style:family="table-cell">
   <style:table-cell-properties fo:background-color="#fff2cc"/>
  </style:style>
  <style:style style:name="ce_border" style:family="table-cell">
   <style:table-cell-properties fo:background-color="#fce4d6"
    fo:border="0.74pt solid #000000"/>
  </style:style>
  <style:style style:name="ce_date" style:family="table-cell"
   style:data-style-name="N_date"/>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
"""

FODS_TAIL = """  </office:spreadsheet>
 </office:body>
</office:document>
"""


def cell(value, style=None):
    """A typed cell: a float cell for a number written with '.' decimals, a string
    cell for any other text, an empty cell for ''."""
    attrs = f' table:style-name="{style}"' if style else ""
    if value == "":
        return f"<table:table-cell{attrs}/>"
    if NUMBER.match(value):
        return (
            f'<table:table-cell{attrs} office:value-type="float" '
            f'office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
        )
    text = escape(value)
    return (
        f'<table:table-cell{attrs} office:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def date_cell(iso):
    day = "/".join(reversed(iso.split("-")))
    return (
        f'<table:table-cell table:style-name="ce_date" office:value-type="date" '
        f'office:date-value="{iso}"><text:p>{day}</text:p></table:table-cell>'
    )


def row(cells, repeated=1):
    attr = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"    <table:table-row{attr}>{''.join(cells)}</table:table-row>\n"


def table(name, rows, columns, wide_first=True):
    """A sheet: `rows` are lists of cell XML strings, `columns` the number of
    columns given a width (the first one wider when `wide_first`)."""
    out = [f'   <table:table table:name="{escape(name)}">\n']
    if wide_first:
        out.append('    <table:table-column table:style-name="co_wide"/>\n')
        columns -= 1
    if columns > 0:
        out.append(
            f'    <table:table-column table:style-name="co_normal" '
            f'table:number-columns-repeated="{columns}"/>\n'
        )
    out.extend(rows)
    out.append("   </table:table>\n")
    return "".join(out)


def data_rows(tsv, trailing=None):
    """The rows of a table, header styled; `trailing` cells appended to each row."""
    rows = []
    for i, values in enumerate(rows_of(tsv)):
        cells = [cell(v, "ce_head" if i == 0 else None) for v in values]
        rows.append(row(cells + (trailing or [])))
    return rows


def document(lang, sheets):
    language, country = LANGUAGE[lang]
    return (
        FODS_HEAD.replace("{language}", language).replace("{country}", country)
        + "".join(sheets)
        + FODS_TAIL
    )


def example_workbook(tables, lang):
    """The five tables on sheets named in `lang`, the way people make them: a title
    row and a blank row above the firms' header, two empty coloured columns right of
    the territory table, and a sheet of notes that is no table."""
    names = SHEETS[lang]
    sheets = []
    for kind in TABLES:
        tsv = translated(tables[kind], lang)
        width = len(rows_of(tsv)[0])
        if kind == "firms":
            rows = [row([cell(TITLE[lang], "ce_title")]), row([cell("")])]
            rows += data_rows(tsv)
        elif kind == "territory":
            fill = (
                '<table:table-cell table:style-name="ce_fill" '
                'table:number-columns-repeated="2"/>'
            )
            rows = data_rows(tsv, [fill])
            width += 2
        else:
            rows = data_rows(tsv)
        sheets.append(table(names[kind], rows, width, wide_first=kind != "territory"))
    note = NOTE[lang]
    rows = [row([cell(note[0], "ce_title")])]
    rows += [row([cell(line)]) for line in note[1:]]
    rows.append(row([cell(UPDATED[lang]), date_cell(UPDATED_ON)]))
    sheets.append(table("Notas", rows, 2))
    return document(lang, sheets)


def unnamed_workbook(tables):
    """The firms table alone, header in the first row, on a sheet named `Hoja1`."""
    tsv = translated(tables["firms"], "es")
    return document("es", [table("Hoja1", data_rows(tsv), len(rows_of(tsv)[0]))])


BUDGET = [
    ["concepto", "monto planificado", "observación"],
    ["Asistencia técnica", "120000", "dos consultores"],
    ["Ferias y misiones comerciales", "45000", "incluye transporte"],
    ["Certificación de calidad", "80000", ""],
    ["Laboratorio compartido", "150000", "cofinanciado por el municipio"],
    ["Imprevistos", "12500", ""],
]


def budget_workbook():
    """One sheet of a budget, nothing the page reads as a table."""
    rows = [
        row([cell(v, "ce_head" if i == 0 else None) for v in values])
        for i, values in enumerate(BUDGET)
    ]
    return document("es", [table("Presupuesto", rows, 3)])


# The sheet's last used row: the data, nothing after it, then one bordered cell.
LAST_ROW = 1_000_000


def far_row_workbook(tables):
    """The territory table, then one formatted cell holding an empty text far down
    (row 1,000,000), so the sheet's used range spans a million rows."""
    tsv = translated(tables["territory"], "es")
    rows = data_rows(tsv)
    width = len(rows_of(tsv)[0])
    gap = LAST_ROW - len(rows) - 1
    rows.append(row([f'<table:table-cell table:number-columns-repeated="{width}"/>'], gap))
    # A cell with a border and an empty text: LibreOffice writes no cell that has
    # formatting only that far below the data, but writes this one.
    rows.append(
        row(
            [
                '<table:table-cell table:style-name="ce_border" '
                'office:value-type="string"><text:p/></table:table-cell>'
            ]
        )
    )
    return document("es", [table("Territorio", rows, width, wide_first=False)])


# A wide firms table with a two-row header: the measures merged over their years.
WIDE_YEARS = ["2019", "2020", "2021"]
WIDE_FIRMS = [
    # firm, group, sales 2019..2021, employment 2019..2021
    ["VV-B01", "beneficiary", "1234.5", "1310", "1502.25", "12", "13", "15"],
    ["VV-B02", "beneficiary", "2200", "2350.5", "2610", "20", "21", "24"],
    ["VV-B03", "beneficiary", "980.75", "1005", "1190.5", "8", "8", "10"],
    ["VV-B04", "beneficiary", "3100", "3240", "3555.5", "31", "33", "34"],
    ["VV-C01", "control", "1500", "1520.5", "1580", "14", "14", "15"],
    ["VV-C02", "control", "2050.25", "2010", "2120", "19", "18", "19"],
    ["VV-C03", "control", "1120", "1150", "1175.75", "10", "11", "11"],
    ["VV-C04", "control", "2875.5", "2900", "2990", "27", "27", "28"],
]
# Territory with real dates in its year column (1 January of each year).
DATED_TERRITORY = [
    ["2018-01-01", "412.5", "13118"],
    ["2019-01-01", "428.1", "13025"],
    ["2020-01-01", "421.7", "12789"],
    ["2021-01-01", "455.3", "13779"],
]


def merged_wide_workbook():
    """Sheet `Ventas por año` (a name of no table): the firms as a wide table whose
    header takes two rows: `empresa` and `grupo` each merged over both rows, `ventas`
    and `empleo` each merged across their three year columns, the years (numbers)
    in the second row. Sheet `Territorio`: the year column holds dates."""
    span = len(WIDE_YEARS)
    covered = "<table:covered-table-cell/>"

    def merged(name, columns=1, rows=1):
        attrs = ' table:style-name="ce_head" office:value-type="string"'
        if columns > 1:
            attrs += f' table:number-columns-spanned="{columns}"'
        if rows > 1:
            attrs += f' table:number-rows-spanned="{rows}"'
        return f"<table:table-cell{attrs}><text:p>{escape(name)}</text:p></table:table-cell>"

    top = [merged("empresa", rows=2), merged("grupo", rows=2)]
    for measure in ["ventas", "empleo"]:
        top += [merged(measure, columns=span)] + [covered] * (span - 1)
    below = [covered, covered] + [cell(y, "ce_head") for y in WIDE_YEARS] * 2
    rows = [row(top), row(below)] + [row([cell(v) for v in firm]) for firm in WIDE_FIRMS]
    firms = table("Ventas por año", rows, 2 + 2 * span)
    head = [cell(h, "ce_head") for h in ["año", "pib local", "pib nacional"]]
    rows = [row(head)] + [
        row([date_cell(day), cell(local), cell(national)])
        for day, local, national in DATED_TERRITORY
    ]
    territory = table("Territorio", rows, 3, wide_first=False)
    return document("es", [firms, territory])


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def fods(tables_json, work_dir, out_dir):
    with open(tables_json, encoding="utf-8") as f:
        tables = json.load(f)
    os.makedirs(work_dir, exist_ok=True)
    os.makedirs(out_dir, exist_ok=True)
    write(os.path.join(work_dir, "ejemplo-es.fods"), example_workbook(tables, "es"))
    write(os.path.join(work_dir, "exemplo-pt.fods"), example_workbook(tables, "pt"))
    write(os.path.join(work_dir, "sin-nombres.fods"), unnamed_workbook(tables))
    write(os.path.join(work_dir, "sin-tablas.fods"), budget_workbook())
    write(os.path.join(work_dir, "filas-vacias.fods"), far_row_workbook(tables))
    write(os.path.join(work_dir, "ancho-combinado.fods"), merged_wide_workbook())
    for lang, name in [("es", "ejemplo-es"), ("pt", "exemplo-pt")]:
        pasted = {kind: translated(tables[kind], lang) for kind in TABLES}
        text = json.dumps(pasted, ensure_ascii=False, indent=2) + "\n"
        write(os.path.join(out_dir, f"{name}.tables.json"), text)
    # A CSV file (the firms table, commas) that only pretends to be a workbook.
    csv = translated(tables["firms"], "es").replace("\t", ",") + "\n"
    write(os.path.join(out_dir, "texto.xlsx"), csv)


# ---------------------------------------------------------------- encryption (UNO)


def encrypt(source, target, password):
    import time

    import uno
    from com.sun.star.beans import NamedValue, PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name = name
        p.Value = value
        return p

    def named(name, value):
        v = NamedValue()
        v.Name = name
        v.Value = value
        return v

    port = os.environ.get("UNO_PORT", "2002")
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = f"uno:socket,host=localhost,port={port};urp;StarOffice.ComponentContext"
    for attempt in range(60):
        try:
            ctx = resolver.resolve(url)
            break
        except Exception:
            if attempt == 59:
                raise
            time.sleep(0.5)
    desktop = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", ctx
    )
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(os.path.abspath(source)),
        "_blank",
        0,
        (prop("Hidden", True),),
    )
    # The OOXML export encrypts when the media descriptor's EncryptionData holds an
    # "OOXPassword" (a plain "Password" property is ignored by that filter), with
    # ECMA-376 Standard encryption (LibreOffice 7.4 fails to write "Agile").
    encryption = uno.Any(
        "[]com.sun.star.beans.NamedValue",
        (named("OOXPassword", password), named("CryptoType", "Standard")),
    )
    try:
        uno.invoke(
            doc,
            "storeToURL",
            (
                uno.systemPathToFileUrl(os.path.abspath(target)),
                (
                    prop("FilterName", "Calc MS Excel 2007 XML"),
                    prop("EncryptionData", encryption),
                    prop("Overwrite", True),
                ),
            ),
        )
    finally:
        doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass  # the office quits while answering: the bridge drops


# ---------------------------------------------------------------- comparing outputs


def same(old, new):
    """Whether two outputs hold the same thing: zip files (xlsx, ods) the same members
    with the same contents (LibreOffice stamps each member with the time of the
    conversion), any other file the same bytes."""
    import zipfile

    if zipfile.is_zipfile(old) and zipfile.is_zipfile(new):
        with zipfile.ZipFile(old) as a, zipfile.ZipFile(new) as b:
            names = a.namelist()
            return names == b.namelist() and all(a.read(n) == b.read(n) for n in names)
    with open(old, "rb") as a, open(new, "rb") as b:
        return a.read() == b.read()


def main(argv):
    if len(argv) == 5 and argv[1] == "fods":
        fods(argv[2], argv[3], argv[4])
    elif len(argv) == 4 and argv[1] == "same":
        sys.exit(0 if same(argv[2], argv[3]) else 1)
    elif len(argv) == 5 and argv[1] == "encrypt":
        encrypt(argv[2], argv[3], argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
