/**
 * The bounds every input is read within, in one place: the README's
 * "Limits and safety" section states the same numbers.
 *
 * A source over a bound is not read: it gets a one-line message naming the
 * file (and the line, where there is one), its old claims stay as they
 * were, and every other source is still processed.
 */

/**
 * Largest source, in bytes: 5 MiB, about 25 times the longest article of
 * the bench corpus and 100 times a long real one. The same cap holds for
 * what `add` reads, from a file or a URL, before converting it.
 */
export const maxSourceBytes = 5 * 1024 * 1024

/**
 * Largest claims file, in bytes: 32 MiB. A claims file is about twice its
 * source's size at most (the quotes and their context), so a capped source
 * never comes near it.
 */
export const maxClaimsBytes = 32 * 1024 * 1024

/**
 * Deepest nesting of block quotes and lists: 32 levels. Articles use two or
 * three; micromark's time per line grows with the depth (10,000 levels of
 * `- ` on one line took 69 s), and so would a walk of the structure.
 */
export const maxNesting = 32

/**
 * Most lines in a source: 100,000. A 5 MiB article of prose has about
 * 60,000; micromark spends 30–50 µs on every block however short, so a
 * megabyte of one-character lines or tiny paragraphs (500,000 or more)
 * took 9 to over 20 s.
 */
export const maxLines = 100000

/**
 * Most block quote and list markers opening lines in a source: 100,000
 * (`- - - a` counts three). Each opens and closes a container: 1 MiB of
 * `- - - a` lines took over 20 s.
 */
export const maxContainerMarkers = 100000

/**
 * Most `|` characters in a source read with GitHub tables: 10,000. The
 * table extension spends 20–60 µs on every cell (each is tokenized on its
 * own), and more per cell as a table grows: 1 MiB of two-cell rows took
 * 2.5–3.4 s, of one 500,000-cell row 13.6 s. A document with more is read
 * without tables, its rows as text, with a warning; 10,000 is a table of
 * 2,000 rows of five cells, and the cells cost under half a second.
 */
export const maxTablePipes = 10000

/**
 * How long one source may take to read and extract, in milliseconds: 20 s.
 * A 5 MiB article extracts in about 2 s on the bench machine; the budget
 * leaves a tenfold margin for a slow or busy machine, and bounds any input
 * that is slow in a way no check foresaw.
 */
export const extractionBudgetMs = 20000

/**
 * Heap one source's extraction may use, in MiB: 1024. Extraction allocates
 * about 25 bytes per byte of text and keeps a few times the text, so a
 * capped source needs a fraction of it.
 */
export const extractionHeapMb = 1024

/**
 * Most aliases (`*name`) a YAML document may use: 64, and an alias may
 * expand to at most this many nodes' worth. Claims files, front matter and
 * the vocabulary never need one; the limit stops a "billion laughs" bomb
 * before it expands.
 */
export const maxYamlAliases = 64

/**
 * Most nesting in a YAML document: 64 levels of collections. A claims file
 * needs four.
 */
export const maxYamlNesting = 64
