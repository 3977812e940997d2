"""Messages of reading and writing files safely: damaged input, resource limits, outputs."""

from __future__ import annotations

# How to raise a limit, shared by every "limit" message.
_SET_FR = "ajoutez {setting} = … dans la table [limits] d'un graphmap.toml placé à côté des données"
_SET_EN = "set {setting} = … in the [limits] table of a graphmap.toml beside the data"
_RAISE_FR = "pour l'augmenter, " + _SET_FR
_RAISE_EN = "to raise it, " + _SET_EN

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # -- the [limits] table of graphmap.toml (graphmap.load.limits) -----------------------------
    "load.limits.bad_value": {
        "fr": "{where} : [limits] {name} doit être un nombre entier d'au moins 1 (lu : {value})",
        "en": "{where}: [limits] {name} must be a whole number of at least 1 (got {value})",
    },
    "load.limits.unknown_key": {
        "fr": "{where} : limite inconnue « {name} » dans [limits]{suggestion} (limites : {known})",
        "en": "{where}: unknown limit '{name}' in [limits]{suggestion} (limits: {known})",
    },
    "load.limits.table_typo": {
        "fr": "{where} : table [{name}] inconnue ; la table des limites s'appelle [limits]",
        "en": "{where}: unknown table [{name}]; the table of limits is called [limits]",
    },
    "load.limits.not_a_table": {
        "fr": "{where} : « limits » doit être une table ([limits])",
        "en": "{where}: 'limits' must be a table ([limits])",
    },
    "load.limits.unreadable": {
        "fr": "{where} illisible : {detail}",
        "en": "cannot read {where}: {detail}",
    },
}
MESSAGES.update({
    # -- outputs (graphmap.atomic) ---------------------------------------------------------------
    "load.output.not_regular": {
        "fr": "{path} n'est pas un fichier ordinaire ({kind}) : graphmap n'écrit que dans un fichier ordinaire ou à un nouveau chemin ; rien n'a été écrit",
        "en": "{path} is not a regular file ({kind}): graphmap writes only to a regular file or a new path; nothing was written",
    },
    "load.output.kind.fifo": {"fr": "un tube nommé (FIFO)", "en": "a named pipe (FIFO)"},
    "load.output.kind.device": {"fr": "un périphérique", "en": "a device"},
    "load.output.kind.socket": {"fr": "une socket", "en": "a socket"},
    "load.output.kind.directory": {"fr": "un dossier", "en": "a folder"},
})
MESSAGES.update({
    "load.output.stdout_failed": {
        "fr": "impossible d'écrire la sortie standard : {detail}",
        "en": "cannot write to standard output: {detail}",
    },
})
MESSAGES.update({
    # -- limits (graphmap.load.limits): refused before reading, or where reading stops -------
    "load.limit.input_bytes": {
        "fr": "{path} contient {size} de données, plus que les {limit} que graphmap lit (input_bytes) ; " + _RAISE_FR,
        "en": "{path} holds {size} of data, more than the {limit} graphmap reads (input_bytes); " + _RAISE_EN,
    },
    "issue.limit.rows": {
        "fr": "plus de {limit} lignes de données : la lecture s'arrête ici{unread} ; " + _RAISE_FR,
        "en": "more than {limit} data rows: reading stops here{unread}; " + _RAISE_EN,
    },
    "issue.limit.cell_chars": {
        "fr": "une cellule de cette ligne dépasse {limit} caractères ; " + _RAISE_FR,
        "en": "a cell of this row holds more than {limit} characters; " + _RAISE_EN,
    },
    # -- two candidates for one table -----------------------------------------------------------
    "issue.workspace.two_files": {
        "fr": "deux fichiers pour la table {table} : {files} ; gardez-en un seul (aucun n'a été lu)",
        "en": "two files for the {table} table: {files}; keep only one (neither was read)",
    },
    "issue.workspace.two_sheets": {
        "fr": "deux feuilles pour la table {table} : {sheets} ; gardez-en une seule (aucune n'a été lue)",
        "en": "two sheets for the {table} table: {sheets}; keep only one (neither was read)",
    },
    "issue.workspace.two_keys": {
        "fr": "deux clés pour la table {table} : {keys} ; gardez-en une seule (aucune n'a été lue)",
        "en": "two keys for the {table} table: {keys}; keep only one (neither was read)",
    },
    # -- CSV quoting ----------------------------------------------------------------------------
    "issue.quote.unclosed": {
        "fr": "un guillemet (\") ouvre une cellule ici et n'est jamais fermé : les {lines} lignes jusqu'à la fin du fichier formeraient une seule cellule ; fermez le guillemet ou supprimez-le",
        "en": "a quote (\") opens a cell here and is never closed: the {lines} lines to the end of the file would become one cell; close the quote or remove it",
    },
    "issue.quote.runaway": {
        "fr": "un guillemet (\") ouvre une cellule ici et ne se ferme pas avant {limit} caractères ({lines} lignes) : il manque ou il y a un guillemet de trop ; la lecture s'arrête ici{unread}",
        "en": "a quote (\") opens a cell here and does not close within {limit} characters ({lines} lines): a quote is missing or extra; reading stops here{unread}",
    },
    "issue.quote.spans_rows": {
        "fr": "la cellule entre guillemets qui s'ouvre ici s'étend sur {lines} lignes et son guillemet fermant est suivi de texte : il manque ou il y a un guillemet de trop ; la lecture s'arrête ici{unread}",
        "en": "the quoted cell that opens here spans {lines} lines and its closing quote is followed by text: a quote is missing or extra; reading stops here{unread}",
    },
    "issue.quote.text_after": {
        "fr": "du texte suit le guillemet fermant d'une cellule (\"…\"x) : mettez toute la cellule entre guillemets et doublez ceux qu'elle contient (\"\") ; la ligne n'est pas lue",
        "en": "text follows the closing quote of a cell (\"…\"x): put the whole cell in quotes and double the quotes inside it (\"\"); the row is not read",
    },
    "issue.quote.long_cell": {
        "fr": "la cellule entre guillemets qui s'ouvre ici s'étend sur {lines} lignes (plus de {limit}) : il manque probablement un guillemet ; si la cellule est juste, " + _SET_FR,
        "en": "the quoted cell that opens here spans {lines} lines (more than {limit}): a quote is probably missing or extra; if the cell is right, " + _SET_EN,
    },
    "issue.quote.rows_inside": {
        "fr": "la cellule entre guillemets qui s'ouvre ici s'étend sur {lines} lignes qui ressemblent à des lignes du fichier : vérifiez qu'il ne manque pas un guillemet (elles sont lues comme une seule cellule)",
        "en": "the quoted cell that opens here spans {lines} lines shaped like rows of this file: check that no quote is missing (they are read as one cell)",
    },
    # -- encodings (graphmap.load.encoding) -------------------------------------------------------
    "issue.encoding.stray_bytes": {
        "fr": {"one": "ce fichier UTF-8 contient {count} octet qui n'est pas de l'UTF-8, sur cette ligne : il a été lu en Windows-1252 (é, à…) ; vérifiez le texte et enregistrez le fichier en « CSV UTF-8 »", "other": "ce fichier UTF-8 contient {count} octets qui ne sont pas de l'UTF-8, le premier sur cette ligne : ils ont été lus en Windows-1252 (é, à…) ; vérifiez le texte et enregistrez le fichier en « CSV UTF-8 »"},
        "en": {"one": "this UTF-8 file holds {count} byte that is not UTF-8, on this row: it was read as Windows-1252 (é, à…); check the text and save the file as 'CSV UTF-8'", "other": "this UTF-8 file holds {count} bytes that are not UTF-8, the first on this row: they were read as Windows-1252 (é, à…); check the text and save the file as 'CSV UTF-8'"},
    },
    "issue.encoding.utf8_in_cp1252": {
        "fr": {"one": "ce fichier a été lu en Windows-1252, mais cette ligne contient du texte qui se lit aussi en UTF-8 ({count} octet) : vérifiez ses accents (Ã© pour é) et enregistrez le fichier en « CSV UTF-8 »", "other": "ce fichier a été lu en Windows-1252, mais cette ligne contient du texte qui se lit aussi en UTF-8 ({count} octets) : vérifiez ses accents (Ã© pour é) et enregistrez le fichier en « CSV UTF-8 »"},
        "en": {"one": "this file was read as Windows-1252, but this row holds text that also reads as UTF-8 ({count} byte): check its accents (Ã© for é) and save the file as 'CSV UTF-8'", "other": "this file was read as Windows-1252, but this row holds text that also reads as UTF-8 ({count} bytes): check its accents (Ã© for é) and save the file as 'CSV UTF-8'"},
    },
    # -- workbooks --------------------------------------------------------------------------------
    "issue.xlsx.formula_no_value": {
        "fr": "la formule « {formula} » n'a pas de valeur calculée (le classeur n'a pas été enregistré par un tableur) : ouvrez-le dans Excel ou LibreOffice Calc et enregistrez-le pour que les valeurs soient calculées ; lue comme vide",
        "en": "the formula '{formula}' has no computed value (the workbook was not saved by a spreadsheet program): open it in Excel or LibreOffice Calc and save it so that values are computed; read as blank",
    },
})
MESSAGES.update({
    # -- JSON workspaces --------------------------------------------------------------------------
    "load.limit.json_bytes": {
        "fr": "{path} fait {size}, plus que les {limit} qu'un espace de travail JSON peut faire (json_bytes ; il est lu en entier en mémoire) ; " + _RAISE_FR,
        "en": "{path} is {size}, more than the {limit} a JSON workspace may be (json_bytes; it is read whole into memory); " + _RAISE_EN,
    },
    "issue.json.duplicate_key": {
        "fr": "la clé « {key} » apparaît plusieurs fois dans cet objet : une seule valeur peut être lue ; gardez-en une",
        "en": "the key '{key}' appears more than once in this object: only one value can be read; keep one",
    },
    "issue.json.duplicate_key_inside": {
        "fr": "cette valeur contient un objet dont une clé apparaît plusieurs fois : une seule valeur peut être lue ; gardez-en une",
        "en": "this value holds an object in which a key appears more than once: only one value can be read; keep one",
    },
    "issue.json.lone_surrogate": {
        "fr": "cette valeur contient une moitié de paire UTF-16 (un échappement \\ud800 à \\udfff seul), qui n'est pas un caractère : corrigez l'échappement",
        "en": "this value holds half of a UTF-16 pair (a lone \\ud800 to \\udfff escape), which is not a character: fix the escape",
    },
})
MESSAGES.update({
    "load.limit.xlsx_bytes": {
        "fr": "{path} fait {size} une fois décompressé, plus que les {limit} que graphmap lit (xlsx_bytes) ; " + _RAISE_FR,
        "en": "{path} is {size} once unzipped, more than the {limit} graphmap reads (xlsx_bytes); " + _RAISE_EN,
    },
    "issue.xlsx.not_worksheet": {
        "fr": "la feuille « {sheet} » n'est pas une feuille de calcul (c'est un graphique ou une boîte de dialogue) : mettez les lignes de la table {table} dans une feuille de calcul de ce nom",
        "en": "sheet '{sheet}' is not a worksheet (it is a chart or a dialog): put the rows of the {table} table in a worksheet of that name",
    },
    "issue.xlsx.row_out_of_range": {
        "fr": "la ligne {row} dépasse la dernière ligne possible d'un classeur ({last}) : le fichier est endommagé ou n'a pas été écrit par un tableur ; la lecture s'arrête ici",
        "en": "row {row} is past the last row a workbook can have ({last}): the file is damaged or was not written by a spreadsheet program; reading stops here",
    },
})
MESSAGES.update({
    "issue.amount.too_large": {
        "fr": "montant « {value} » trop grand : graphmap accepte au plus {limit} $",
        "en": "amount '{value}' is too large: graphmap accepts at most {limit} $",
    },
    "issue.weight.too_large": {
        "fr": "poids « {value} » trop grand : un poids vaut au plus {limit}",
        "en": "weight '{value}' is too large: a weight is at most {limit}",
    },
})
MESSAGES.update({
    # What reading leaves unread when it stops at a row (a clause of the stop's message).
    "load.unread.lines": {
        "fr": {"one": " ({count} ligne non lue)", "other": " ({count} lignes non lues)"},
        "en": {"one": " ({count} line not read)", "other": " ({count} lines not read)"},
    },
    "load.unread.records": {
        "fr": {"one": " ({count} enregistrement non lu)",
               "other": " ({count} enregistrements non lus)"},
        "en": {"one": " ({count} record not read)", "other": " ({count} records not read)"},
    },
    "load.export.other_table_file": {
        "fr": "{path} contient déjà {found} pour la table {table} : écrire {file} à côté laisserait deux fichiers pour une même table ; rien n'a été écrit. Choisissez un autre dossier.",
        "en": "{path} already holds {found} for the {table} table: writing {file} beside it would leave two files for one table; nothing was written. Choose another folder.",
    },
    "load.export.unwritten_table_file": {
        "fr": "{path} contient déjà {found} pour la table {table}, que ces données n'ont pas : ce fichier serait relu avec les nouveaux et changerait les données ; rien n'a été écrit. Déplacez-le ou choisissez un autre dossier.",
        "en": "{path} already holds {found} for the {table} table, which this data does not have: it would be read back with the new files and change the data; nothing was written. Move it away or choose another folder.",
    },
})
MESSAGES.update({
    # -- where a table starts (graphmap.load.locate): names, title rows, tables by columns ----
    "load.quoted": {"fr": "«\u00a0{text}\u00a0»", "en": "'{text}'"},
    "load.or_join": {"fr": "{head} ou {last}", "en": "{head} or {last}"},
    "load.names_more": {
        "fr": {"one": "{count} autre", "other": "{count} autres"},
        "en": {"one": "{count} other", "other": "{count} others"},
    },
    # The rows above a header row found below row 1: their titles, or that they are blank.
    "load.header.above_titles": {
        "fr": {"by": "last", "one": "la ligne {last} au-dessus ({titles}) est ignorée",
               "other": "les lignes 1 à {last} au-dessus ({titles}) sont ignorées"},
        "en": {"by": "last", "one": "row {last} above it ({titles}) is ignored",
               "other": "rows 1 to {last} above it ({titles}) are ignored"},
    },
    "load.header.above_blank": {
        "fr": {"by": "last", "one": "la ligne vide {last} au-dessus est ignorée",
               "other": "les lignes vides 1 à {last} au-dessus sont ignorées"},
        "en": {"by": "last", "one": "the blank row {last} above it is ignored",
               "other": "the blank rows 1 to {last} above it are ignored"},
    },
    # A column named in the language of the user's headers first, then in the other.
    "load.column.also_english": {
        "fr": " (en anglais\u00a0: «\u00a0{other}\u00a0»)",
        "en": " (in English: '{other}')",
    },
    "load.column.also_french": {
        "fr": " (en français\u00a0: «\u00a0{other}\u00a0»)",
        "en": " (in French: '{other}')",
    },
    # What a missing table's message says was found instead.
    "load.found.sheets": {
        "fr": {"one": "le classeur a {count} feuille\u00a0: {names}", "other": "le classeur a {count} feuilles\u00a0: {names}"},
        "en": {"one": "the workbook has {count} sheet: {names}", "other": "the workbook has {count} sheets: {names}"},
    },
    "load.found.files": {
        "fr": {"one": "le dossier a {count} fichier CSV\u00a0: {names}", "other": "le dossier a {count} fichiers CSV\u00a0: {names}"},
        "en": {"one": "the folder has {count} CSV file: {names}", "other": "the folder has {count} CSV files: {names}"},
    },
    "load.found.no_files": {
        "fr": "le dossier ne contient aucun fichier CSV",
        "en": "the folder holds no CSV file",
    },
    "load.found.keys": {
        "fr": {"one": "l'objet a {count} clé\u00a0: {names}", "other": "l'objet a {count} clés\u00a0: {names}"},
        "en": {"one": "the object has {count} key: {names}", "other": "the object has {count} keys: {names}"},
    },
    "load.found.no_keys": {
        "fr": "l'objet n'a aucune clé",
        "en": "the object has no key",
    },
    # Why a sheet, file or key with the table's columns was not read as that table.
    "load.guess.several.sheet": {
        "fr": "\u00a0; les feuilles {names} ont toutes les colonnes obligatoires de la table {table}\u00a0: aucune n'a été lue\u00a0; renommez {rename} celle qui la contient",
        "en": "; the sheets {names} all have the required columns of the {table} table: none of them was read; rename the one holding it {rename}",
    },
    "load.guess.several.file": {
        "fr": "\u00a0; les fichiers {names} ont tous les colonnes obligatoires de la table {table}\u00a0: aucun n'a été lu\u00a0; renommez {rename} celui qui la contient",
        "en": "; the files {names} all have the required columns of the {table} table: none of them was read; rename the one holding it {rename}",
    },
    "load.guess.several.key": {
        "fr": "\u00a0; les clés {names} ont toutes les colonnes obligatoires de la table {table}\u00a0: aucune n'a été lue\u00a0; renommez {rename} celle qui la contient",
        "en": "; the keys {names} all have the required columns of the {table} table: none of them was read; rename the one holding it {rename}",
    },
    "load.guess.shared.sheet": {
        "fr": "\u00a0; la feuille {name} a les colonnes obligatoires de plusieurs tables manquantes\u00a0: elle n'a pas été lue\u00a0; renommez-la d'après la table qu'elle contient",
        "en": "; the sheet {name} has the required columns of several missing tables: it was not read; rename it after the table it holds",
    },
    "load.guess.shared.file": {
        "fr": "\u00a0; le fichier {name} a les colonnes obligatoires de plusieurs tables manquantes\u00a0: il n'a pas été lu\u00a0; renommez-le d'après la table qu'il contient",
        "en": "; the file {name} has the required columns of several missing tables: it was not read; rename it after the table it holds",
    },
    "load.guess.shared.key": {
        "fr": "\u00a0; la clé {name} a les colonnes obligatoires de plusieurs tables manquantes\u00a0: elle n'a pas été lue\u00a0; renommez-la d'après la table qu'elle contient",
        "en": "; the key {name} has the required columns of several missing tables: it was not read; rename it after the table it holds",
    },
})
