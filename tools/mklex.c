/*
 * mklex.c -- build-time generator: compiles the rule lexicons in data/lex/
 * into one C table and one header of ids (see data/lex/README.md for the
 * file format and src/data/lex.h for the lookups).
 *
 *   mklex OUT.c OUT.h FILE.lex...
 *
 * Each FILE.lex is one extractor's lexicon ("events.lex" is the namespace
 * "events").  A section is one word class:
 *
 *   [set NAME]                 words and phrases, one per line
 *   [table NAME: COL COL...]   a phrase and one value per column per line;
 *                              a column written COL=ENUM takes its values
 *                              from the shared enum ENUM (several tables can
 *                              share one, across files); a column written
 *                              COL/SCALE (SCALE a power of ten) takes
 *                              decimals, kept as whole numbers times SCALE
 *   [union NAME: CLASS...]     every entry of the classes named (NAME or
 *                              FILE.NAME; sets or tables of any file):
 *                              a class derived from others, so that a gate
 *                              over the words some rules start from reads
 *                              them from the rules' own classes
 *   [constants NAME: COL]      a table of named numbers (weights,
 *                              thresholds): each entry, a C identifier, is
 *                              also #defined in the header
 *                              (SR_LEXK_<FILE>_<NAME>_<ENTRY>), so a rule
 *                              that names a number the data lacks does not
 *                              compile
 *
 * Entries are folded to lower case (ASCII), their words joined by single
 * spaces; columns are separated from the phrase and from each other by a
 * tab or by two or more spaces.  A value is '-' (none: 0), an integer, or
 * an identifier, numbered per enum from 1 in order of first appearance.
 *
 * The generator fails the build, naming file and line, on: an entry twice
 * in one set (one source per word), a row with the wrong number of
 * columns, an identifier that is not a C identifier, a phrase of more than
 * 8 words or 120 bytes, an empty section, a name used twice.
 *
 * Output: the header defines SR_LEX_<FILE>_<NAME> for each class,
 * SR_LEXCOL_<FILE>_<NAME>_<COL> for each column, SR_LEXE_<ENUM>_<VALUE>
 * for each value (ENUM defaults to <FILE>_<NAME>_<COL>), and the table
 * defines `const sr_lexicon sr_lexicon_data`: every entry with its 64-bit
 * hash (wordhash.h), its class bits, the classes it heads a longer phrase
 * of, and its table rows.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wordhash.h"

#define MAXCOLS 8
#define MAXWORDS 8
#define MAXTEXT 120

typedef struct {
    char *name;  /* C name part, upper case: EVENTS_TRIGGERS */
    char *label; /* events.triggers */
    char *file;
    int line;
    int ncols;
    char *cols[MAXCOLS];
    int colenum[MAXCOLS]; /* index in enums */
    long colscale[MAXCOLS]; /* COL/SCALE: decimals stored as integers times SCALE (else 1) */
    int is_const;         /* [constants ...]: each entry also a named constant in the header */
    int nmembers;         /* [union ...]: the classes it joins (labels, resolved after parsing) */
    char **members;
    int maxwords;
    int nentries;
} klass;

typedef struct {
    char *name; /* EVENTS_SUB */
    char **vals;
    int n, cap;
} lenum;

typedef struct {
    int cls;
    int32_t v[MAXCOLS];
} row;

typedef struct {
    char *text;
    uint64_t hash;
    uint64_t *mask, *head;
    row *rows;
    int nrows, rcap;
} entry;

static klass *classes;
static int nclasses, ccap;

/* the entries of [constants] sections, as the header names them */
typedef struct {
    int cls;
    char *name; /* upper case */
    int32_t v;
    int line;
} constant;
static constant *consts;
static int nconsts, constcap;
static lenum *enums;
static int nenums, ecap;
static entry *entries;
static int nentries, encap;
static int maskw;
static const char *cur_file;
static int cur_line;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s:%d: ", cur_file ? cur_file : "mklex", cur_line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "mklex: out of memory\n");
        exit(1);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

static int is_ident(const char *s)
{
    if (!(isalpha((unsigned char)*s) || *s == '_'))
        return 0;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_'))
            return 0;
    return 1;
}

static char *upper_ident(const char *s)
{
    char *u = xstrdup(s);
    for (char *p = u; *p; p++) {
        if (*p == '-' || *p == '.')
            *p = '_';
        *p = (char)toupper((unsigned char)*p);
    }
    if (!is_ident(u))
        die("'%s' is not a usable name", s);
    return u;
}

static int find_enum(const char *name)
{
    for (int i = 0; i < nenums; i++)
        if (strcmp(enums[i].name, name) == 0)
            return i;
    if (nenums == ecap) {
        ecap = ecap ? 2 * ecap : 16;
        enums = xrealloc(enums, (size_t)ecap * sizeof *enums);
    }
    enums[nenums] = (lenum){xstrdup(name), NULL, 0, 0};
    return nenums++;
}

static int32_t enum_value(int e, const char *v)
{
    lenum *en = &enums[e];
    char *u = upper_ident(v);
    for (int i = 0; i < en->n; i++)
        if (strcmp(en->vals[i], u) == 0) {
            free(u);
            return i + 1;
        }
    if (en->n == en->cap) {
        en->cap = en->cap ? 2 * en->cap : 8;
        en->vals = xrealloc(en->vals, (size_t)en->cap * sizeof *en->vals);
    }
    en->vals[en->n++] = u;
    return en->n;
}

/* Entries are found by their folded text through a simple chained scan
 * over a hash table built as we go (the generator runs once per build). */
#define HT_BITS 16
static int *ht; /* entry index + 1 */

static int entry_for(const char *text)
{
    uint64_t h = sr_word_hash(text, strlen(text));
    size_t mask = (1u << HT_BITS) - 1, s = h & mask;
    while (ht[s]) {
        entry *e = &entries[ht[s] - 1];
        if (e->hash == h && strcmp(e->text, text) == 0)
            return ht[s] - 1;
        s = (s + 1) & mask;
    }
    if (nentries + 1 >= (int)(mask * 3 / 4))
        die("too many lexicon entries (more than %zu)", mask * 3 / 4);
    if (nentries == encap) {
        encap = encap ? 2 * encap : 1024;
        entries = xrealloc(entries, (size_t)encap * sizeof *entries);
    }
    entries[nentries] = (entry){xstrdup(text), h, NULL, NULL, NULL, 0, 0};
    ht[s] = nentries + 1;
    return nentries++;
}

typedef struct {
    int e, cls, line;
    const char *file;
    int32_t v[MAXCOLS];
    int head_only;
} item;
static item *items;
static int nitems, icap;

static void add_item(int e, int cls, const int32_t *v, int head_only)
{
    if (nitems == icap) {
        icap = icap ? 2 * icap : 1024;
        items = xrealloc(items, (size_t)icap * sizeof *items);
    }
    items[nitems] = (item){e, cls, cur_line, cur_file, {0}, head_only};
    if (v)
        memcpy(items[nitems].v, v, sizeof items[nitems].v);
    nitems++;
}

/* Split off the next field: fields are separated by a tab or 2+ spaces. */
static char *next_field(char **p)
{
    char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s)
        return NULL;
    char *f = s;
    while (*s && *s != '\t' && !(s[0] == ' ' && s[1] == ' ') && !(s[0] == ' ' && s[1] == '\t'))
        s++;
    if (*s) {
        *s++ = '\0';
    }
    /* trim trailing single spaces */
    size_t n = strlen(f);
    while (n && f[n - 1] == ' ')
        f[--n] = '\0';
    *p = s;
    return f;
}

static void parse_file(const char *path)
{
    FILE *in = fopen(path, "r");
    if (!in) {
        fprintf(stderr, "mklex: cannot open %s\n", path);
        exit(1);
    }
    cur_file = path;
    cur_line = 0;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char ns[64];
    size_t bl = strcspn(base, ".");
    if (bl == 0 || bl >= sizeof ns)
        die("bad lexicon file name");
    memcpy(ns, base, bl);
    ns[bl] = '\0';
    int cls = -1;
    char line[1024];
    while (fgets(line, sizeof line, in)) {
        cur_line++;
        size_t len = strcspn(line, "\r\n");
        if (line[len] == '\0' && len == sizeof line - 1)
            die("line too long");
        line[len] = '\0';
        /* a comment: '#' at the start or after whitespace */
        for (size_t i = 0; i < len; i++)
            if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
                line[i] = '\0';
                break;
            }
        char *s = line;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            continue;
        if (*s == '[') {
            char *close = strchr(s, ']');
            if (!close)
                die("section header without ']'");
            *close = '\0';
            s++;
            char *kind = strtok(s, " \t");
            char *name = strtok(NULL, " \t:");
            if (!kind || !name)
                die("section header needs a kind and a name: [set NAME] or [table NAME: COLS]");
            int is_const = strcmp(kind, "constants") == 0;
            int is_table = is_const || strcmp(kind, "table") == 0;
            int is_union = strcmp(kind, "union") == 0;
            if (!is_table && !is_union && strcmp(kind, "set") != 0)
                die("unknown section kind '%s' (set, table, union or constants)", kind);
            if (cls >= 0 && classes[cls].nentries == 0 && !classes[cls].nmembers)
                die("section %s is empty", classes[cls].label);
            if (nclasses == ccap) {
                ccap = ccap ? 2 * ccap : 64;
                classes = xrealloc(classes, (size_t)ccap * sizeof *classes);
            }
            klass *k = &classes[nclasses];
            memset(k, 0, sizeof *k);
            char full[160];
            snprintf(full, sizeof full, "%s.%s", ns, name);
            k->label = xstrdup(full);
            k->name = upper_ident(full);
            /* the file as the repository names it, whatever the build's path */
            char rel[200];
            snprintf(rel, sizeof rel, "data/lex/%s", base);
            k->file = xstrdup(rel);
            k->line = cur_line;
            k->is_const = is_const;
            for (int i = 0; i < nclasses; i++)
                if (strcmp(classes[i].name, k->name) == 0)
                    die("class %s defined twice (first at %s:%d)", k->label, classes[i].file,
                        classes[i].line);
            if (is_table) {
                char *col;
                while ((col = strtok(NULL, " \t:")) != NULL) {
                    if (k->ncols == MAXCOLS)
                        die("more than %d columns", MAXCOLS);
                    char *eq = strchr(col, '=');
                    char *sl = strchr(col, '/');
                    k->colscale[k->ncols] = 1;
                    if (sl) { /* value/1000: written as decimals, kept in thousandths */
                        char *end;
                        *sl = '\0';
                        long sc = strtol(sl + 1, &end, 10);
                        if (eq || *end || sc < 2 || sc > 1000000)
                            die("column '%s/%s': the scale is a whole number from 2 to 1000000", col, sl + 1);
                        k->colscale[k->ncols] = sc;
                    }
                    char en[160];
                    if (eq) {
                        *eq = '\0';
                        snprintf(en, sizeof en, "%s", eq + 1);
                    } else {
                        snprintf(en, sizeof en, "%s.%s", full, col);
                    }
                    char *ue = upper_ident(en);
                    k->cols[k->ncols] = upper_ident(col);
                    k->colenum[k->ncols] = find_enum(ue);
                    free(ue);
                    k->ncols++;
                }
                if (k->ncols == 0)
                    die("table %s has no columns", k->label);
                if (is_const && k->ncols != 1)
                    die("constants %s take one column", k->label);
            } else if (is_union) {
                char *m;
                while ((m = strtok(NULL, " \t:")) != NULL) {
                    char ml[160];
                    if (strchr(m, '.'))
                        snprintf(ml, sizeof ml, "%s", m);
                    else
                        snprintf(ml, sizeof ml, "%s.%s", ns, m);
                    k->members = xrealloc(k->members, (size_t)(k->nmembers + 1) * sizeof *k->members);
                    k->members[k->nmembers++] = xstrdup(ml);
                }
                if (k->nmembers < 2)
                    die("union %s joins fewer than two classes", k->label);
            } else if (strtok(NULL, " \t") != NULL) {
                die("a set has no columns");
            }
            cls = nclasses++;
            continue;
        }
        if (cls < 0)
            die("entry before any section");
        klass *k = &classes[cls];
        if (k->nmembers)
            die("union %s lists classes, not entries", k->label);
        char *p = s;
        char *phrase = next_field(&p);
        /* fold and normalise the phrase */
        char text[MAXTEXT + 1];
        size_t tn = 0;
        int words = 0, in_word = 0;
        for (char *q = phrase; *q; q++) {
            unsigned char ch = (unsigned char)*q;
            if (ch == ' ') {
                in_word = 0;
                continue;
            }
            if (!in_word) {
                if (words)
                    text[tn++] = ' ';
                words++;
                in_word = 1;
            }
            if (tn >= MAXTEXT - 1)
                die("phrase longer than %d bytes", MAXTEXT);
            text[tn++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        }
        text[tn] = '\0';
        if (words > MAXWORDS)
            die("phrase of more than %d words", MAXWORDS);
        int32_t v[MAXCOLS] = {0};
        int nc = 0;
        char *f;
        while ((f = next_field(&p)) != NULL) {
            if (nc == k->ncols)
                die("%s takes %d column%s after the phrase", k->label, k->ncols,
                    k->ncols == 1 ? "" : "s");
            if (strcmp(f, "-") == 0)
                v[nc] = 0;
            else if (isdigit((unsigned char)f[0]) || (f[0] == '-' && isdigit((unsigned char)f[1]))) {
                /* a whole number; with a scale, a decimal with at most as
                 * many places as the scale keeps ("0.08" in thousandths: 80) */
                long sc = k->colscale[nc];
                char *end;
                long x = strtol(f, &end, 10);
                if (*end == '.' && sc > 1) {
                    long frac = 0, unit = sc;
                    const char *q = end + 1;
                    if (!isdigit((unsigned char)*q))
                        die("bad number '%s'", f);
                    for (; isdigit((unsigned char)*q); q++) {
                        if (unit % 10)
                            die("'%s' has more decimal places than %s's scale %ld keeps", f,
                                k->cols[nc], sc);
                        unit /= 10;
                        frac += (*q - '0') * unit;
                    }
                    end = (char *)q;
                    x = x * sc + (f[0] == '-' ? -frac : frac);
                } else {
                    x *= sc;
                }
                if (*end || x < INT32_MIN || x > INT32_MAX)
                    die("bad number '%s'", f);
                v[nc] = (int32_t)x;
            } else {
                if (!is_ident(f))
                    die("value '%s' is not an identifier, a number or '-'", f);
                v[nc] = enum_value(k->colenum[nc], f);
            }
            nc++;
        }
        if (nc != k->ncols)
            die("%s takes %d column%s after the phrase, this line has %d", k->label, k->ncols,
                k->ncols == 1 ? "" : "s", nc);
        if (k->is_const) {
            if (!is_ident(text) || words != 1)
                die("a constant's name '%s' is not a C identifier", text);
            for (int i = 0; i < nconsts; i++)
                if (consts[i].cls == cls && strcmp(consts[i].name, text) == 0)
                    die("constant '%s' is already in %s", text, k->label);
            if (nconsts == constcap) {
                constcap = constcap ? 2 * constcap : 32;
                consts = xrealloc(consts, (size_t)constcap * sizeof *consts);
            }
            consts[nconsts].cls = cls;
            consts[nconsts].name = upper_ident(text);
            consts[nconsts].v = v[0];
            consts[nconsts].line = cur_line;
            nconsts++;
        }
        int e = entry_for(text);
        /* one source per word: a set lists an entry once; a table may list
         * one phrase in several rows only with different values */
        for (int i = 0; i < nitems; i++)
            if (items[i].e == e && items[i].cls == cls && !items[i].head_only &&
                (k->ncols == 0 || memcmp(items[i].v, v, sizeof v) == 0))
                die("'%s' is already in %s (line %d)", text, k->label, items[i].line);
        add_item(e, cls, v, 0);
        k->nentries++;
        if (words > k->maxwords)
            k->maxwords = words;
        /* its first word, and each run of its first words, heads a longer
         * phrase of this class (a phrase lookup stops at a run that heads
         * none, lex.c) */
        char first[MAXTEXT + 1];
        for (size_t fl = strcspn(text, " "); text[fl]; fl += 1 + strcspn(text + fl + 1, " ")) {
            memcpy(first, text, fl);
            first[fl] = '\0';
            add_item(entry_for(first), cls, NULL, 1);
        }
    }
    if (cls >= 0 && classes[cls].nentries == 0 && !classes[cls].nmembers)
        die("section %s is empty", classes[cls].label);
    fclose(in);
    cur_file = NULL;
}

/* Each [union]: every entry of its classes (and the first words of their
 * phrases, which head longer ones of the union too). */
static void join_unions(void)
{
    int n0 = nitems;
    for (int u = 0; u < nclasses; u++) {
        klass *k = &classes[u];
        for (int m = 0; m < k->nmembers; m++) {
            int c = 0;
            while (c < nclasses && strcmp(classes[c].label, k->members[m]) != 0)
                c++;
            cur_file = k->file;
            cur_line = k->line;
            if (c == nclasses)
                die("union %s: no class %s", k->label, k->members[m]);
            if (classes[c].nmembers || classes[c].is_const)
                die("union %s: %s is not a set or a table", k->label, k->members[m]);
            if (classes[c].maxwords > k->maxwords)
                k->maxwords = classes[c].maxwords;
            for (int i = 0; i < n0; i++) {
                if (items[i].cls != c)
                    continue;
                int dup = 0; /* an entry of two of its classes is in it once */
                for (int j = n0; j < nitems && !dup; j++)
                    dup = items[j].cls == u && items[j].e == items[i].e &&
                          items[j].head_only == items[i].head_only;
                if (!dup) {
                    add_item(items[i].e, u, NULL, items[i].head_only);
                    k->nentries += !items[i].head_only;
                }
            }
        }
    }
    cur_file = NULL;
}

static void emit_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            fprintf(out, "\\%03o", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

static int words_of(const char *t)
{
    int n = 1;
    for (; *t; t++)
        n += *t == ' ';
    return n;
}

/* How many classes an entry is in or heads a phrase of. */
static int classes_of(const entry *e)
{
    int n = 0;
    for (int w = 0; w < maskw; w++)
        n += __builtin_popcountll(e->mask[w]) + __builtin_popcountll(e->head[w]);
    return n;
}

/* The order of the ids: single words first, the words in most classes
 * first, then shorter first, then by text. */
static int hot_first(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    int wa = words_of(a->text), wb = words_of(b->text);
    if (wa != wb)
        return wa < wb ? -1 : 1;
    int ca = classes_of(a), cb = classes_of(b);
    if (ca != cb)
        return ca > cb ? -1 : 1;
    size_t la = strlen(a->text), lb = strlen(b->text);
    if (la != lb)
        return la < lb ? -1 : 1;
    return strcmp(a->text, b->text);
}

/* The slot of hash h in a table of m slots (a power of two) under
 * displacement d: as the lookup computes it (src/data/lex.c). */
static uint32_t slot_of(uint64_t h, uint32_t d, size_t m)
{
    return ((uint32_t)h + d * ((uint32_t)(h >> 24) | 1u)) & (uint32_t)(m - 1);
}

static int *bucket_size_sort; /* for by_bucket_size */
static int by_bucket_size(const void *pa, const void *pb)
{
    int a = *(const int *)pa, b = *(const int *)pb;
    if (bucket_size_sort[a] != bucket_size_sort[b])
        return bucket_size_sort[a] > bucket_size_sort[b] ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* A perfect hash of the entries (hash-and-displace): the entries are put
 * in buckets by bits 32 and up of their hash, and each bucket, largest
 * first, gets the first displacement that sends all its entries to free
 * slots.  Fills tab[m] (entry index + 1, 0 free) and disp[nb]; false when
 * some bucket finds no displacement (the caller tries a larger table). */
static int perfect_hash(uint32_t *tab, size_t m, uint16_t *disp, size_t nb)
{
    int *size = calloc(nb, sizeof *size), *order = malloc(nb * sizeof *order);
    int *first = malloc(nb * sizeof *first), *next = malloc((size_t)(nentries ? nentries : 1) * sizeof *next);
    if (!size || !order || !first || !next)
        die("out of memory");
    for (size_t b = 0; b < nb; b++) {
        first[b] = -1;
        order[b] = (int)b;
    }
    for (int i = nentries - 1; i >= 0; i--) {
        size_t b = (size_t)(entries[i].hash >> 32) & (nb - 1);
        next[i] = first[b];
        first[b] = i;
        size[b]++;
    }
    bucket_size_sort = size;
    qsort(order, nb, sizeof *order, by_bucket_size);
    memset(tab, 0, m * sizeof *tab);
    int ok = 1;
    for (size_t k = 0; k < nb && ok && size[order[k]]; k++) {
        int b = order[k];
        uint32_t d = 0;
        for (; d <= 0xFFFF; d++) {
            int fits = 1;
            for (int i = first[b]; i >= 0 && fits; i = next[i]) {
                uint32_t s = slot_of(entries[i].hash, d, m);
                if (tab[s])
                    fits = 0;
                for (int j = first[b]; j != i && fits; j = next[j])
                    fits = slot_of(entries[j].hash, d, m) != s;
            }
            if (fits)
                break;
        }
        if (d > 0xFFFF) {
            ok = 0;
            break;
        }
        disp[b] = (uint16_t)d;
        for (int i = first[b]; i >= 0; i = next[i])
            tab[slot_of(entries[i].hash, d, m)] = (uint32_t)i + 1;
    }
    free(size);
    free(order);
    free(first);
    free(next);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: mklex OUT.c OUT.h FILE.lex...\n");
        return 2;
    }
    ht = calloc((size_t)1 << HT_BITS, sizeof *ht);
    if (!ht)
        return 1;
    /* the files in name order, so the output does not depend on the
     * order the build lists them */
    int nf = argc - 3;
    char **files = argv + 3;
    for (int i = 1; i < nf; i++)
        for (int j = i; j > 0 && strcmp(files[j - 1], files[j]) > 0; j--) {
            char *t = files[j];
            files[j] = files[j - 1];
            files[j - 1] = t;
        }
    for (int i = 0; i < nf; i++)
        parse_file(files[i]);
    join_unions();
    cur_line = 0;
    maskw = (nclasses + 63) / 64;
    if (maskw == 0)
        maskw = 1;
    for (int i = 0; i < nentries; i++) {
        entries[i].mask = xrealloc(NULL, (size_t)maskw * sizeof(uint64_t));
        entries[i].head = xrealloc(NULL, (size_t)maskw * sizeof(uint64_t));
        memset(entries[i].mask, 0, (size_t)maskw * sizeof(uint64_t));
        memset(entries[i].head, 0, (size_t)maskw * sizeof(uint64_t));
    }
    for (int i = 0; i < nitems; i++) {
        entry *e = &entries[items[i].e];
        int c = items[i].cls;
        if (items[i].head_only) {
            e->head[c / 64] |= 1ull << (c % 64);
            continue;
        }
        e->mask[c / 64] |= 1ull << (c % 64);
        if (classes[c].ncols) {
            if (e->nrows == e->rcap) {
                e->rcap = e->rcap ? 2 * e->rcap : 2;
                e->rows = xrealloc(e->rows, (size_t)e->rcap * sizeof *e->rows);
            }
            row r = {c, {0}};
            memcpy(r.v, items[i].v, sizeof r.v);
            e->rows[e->nrows++] = r;
        }
    }

    /* Ids in order of how often a word is likely met: single words before
     * phrases, then the words in the most classes first ("on", "in",
     * "the", "killed", "police": the frequent words of news are the ones
     * the rules name most), then shorter first.  The stages look up every
     * token and test its classes: the entries, class bits and texts of
     * the frequent words then share a few cache lines instead of lying
     * anywhere in the tables. */
    qsort(entries, (size_t)nentries, sizeof *entries, hot_first);
    if (nentries >= 0xFFFF)
        die("too many lexicon entries for 16-bit slot ids (%d)", nentries);

    /* ---- the header ---- */
    FILE *h = fopen(argv[2], "w");
    if (!h)
        return 1;
    fprintf(h, "/* Generated by tools/mklex.c from data/lex/NAME.lex; do not edit. */\n"
               "#ifndef SITREP_LEX_IDS_H\n#define SITREP_LEX_IDS_H\n\n"
               "#define SR_LEX_MASKW %d\n\nenum sr_lexclass {\n", maskw);
    for (int c = 0; c < nclasses; c++)
        fprintf(h, "    SR_LEX_%s = %d, /* %s:%d */\n", classes[c].name, c, classes[c].file,
                classes[c].line);
    fprintf(h, "    SR_LEX_NCLASSES = %d\n};\n\n", nclasses);
    for (int c = 0; c < nclasses; c++)
        for (int k = 0; k < classes[c].ncols; k++)
            fprintf(h, "#define SR_LEXCOL_%s_%s %d /* values: SR_LEXE_%s_* */\n", classes[c].name,
                    classes[c].cols[k], k, enums[classes[c].colenum[k]].name);
    for (int c = 0; c < nclasses; c++)
        for (int k = 0; k < classes[c].ncols; k++)
            if (classes[c].colscale[k] > 1)
                fprintf(h, "#define SR_LEXSCALE_%s_%s %ld /* the values are kept times this */\n",
                        classes[c].name, classes[c].cols[k], classes[c].colscale[k]);
    for (int i = 0; i < nconsts; i++)
        fprintf(h, "#define SR_LEXK_%s_%s %ld /* %s:%d */\n", classes[consts[i].cls].name, consts[i].name,
                (long)consts[i].v, classes[consts[i].cls].file, consts[i].line);
    for (int e = 0; e < nenums; e++) {
        fprintf(h, "\n/* enum %s */\n", enums[e].name);
        for (int v = 0; v < enums[e].n; v++)
            fprintf(h, "#define SR_LEXE_%s_%s %d\n", enums[e].name, enums[e].vals[v], v + 1);
        fprintf(h, "#define SR_LEXE_%s__COUNT %d\n", enums[e].name, enums[e].n + 1);
        fprintf(h, "extern const char *const sr_lexe_%s_names[%d];\n", enums[e].name,
                enums[e].n + 1);
    }
    fprintf(h, "\n#endif\n");
    fclose(h);

    /* ---- the table ---- */
    FILE *out = fopen(argv[1], "w");
    if (!out)
        return 1;
    fprintf(out, "/* Generated by tools/mklex.c from data/lex/NAME.lex; do not edit. */\n"
                 "#include \"data/lex.h\"\n\n");
    for (int e = 0; e < nenums; e++) {
        fprintf(out, "const char *const sr_lexe_%s_names[%d] = {\"\"", enums[e].name, enums[e].n + 1);
        for (int v = 0; v < enums[e].n; v++) {
            fputs(", ", out);
            /* the value as written in the data: lower case */
            char *lw = xstrdup(enums[e].vals[v]);
            for (char *p = lw; *p; p++)
                *p = (char)tolower((unsigned char)*p);
            emit_string(out, lw);
            free(lw);
        }
        fprintf(out, "};\n");
    }
    /* the pool of folded texts */
    fprintf(out, "\nstatic const char pool[] =\n    \"\\000\"\n");
    uint32_t *off = xrealloc(NULL, (size_t)(nentries ? nentries : 1) * sizeof *off);
    uint32_t pos = 1;
    for (int i = 0; i < nentries; i++) {
        off[i] = pos;
        fputs("    ", out);
        emit_string(out, entries[i].text);
        fputs(" \"\\000\"\n", out);
        pos += (uint32_t)strlen(entries[i].text) + 1;
    }
    /* 8 bytes of room after the last text: the lookup reads the last
     * bytes of a text as one 8-byte word */
    fprintf(out, "    \"\\000\\000\\000\\000\\000\\000\\000\";\n\n");
    /* rows: values flattened, MAXCOLS apart would waste; each row takes its
     * class's column count */
    fprintf(out, "static const int32_t values[] = {0");
    uint32_t vpos = 1;
    uint32_t *rowoff = xrealloc(NULL, (size_t)(nentries ? nentries : 1) * sizeof *rowoff);
    int nrefs = 0;
    for (int i = 0; i < nentries; i++)
        nrefs += entries[i].nrows;
    typedef struct {
        int cls, nrows;
        uint32_t at;
    } ref;
    ref *refs = xrealloc(NULL, (size_t)(nrefs ? nrefs : 1) * sizeof *refs);
    int rn = 0;
    for (int i = 0; i < nentries; i++) {
        rowoff[i] = (uint32_t)rn;
        entry *e = &entries[i];
        /* group the rows by class, classes in id order, rows in file order */
        for (int c = 0; c < nclasses; c++) {
            int cnt = 0;
            uint32_t at = vpos;
            for (int r = 0; r < e->nrows; r++) {
                if (e->rows[r].cls != c)
                    continue;
                for (int k = 0; k < classes[c].ncols; k++)
                    fprintf(out, ",%d", e->rows[r].v[k]);
                vpos += (uint32_t)classes[c].ncols;
                cnt++;
            }
            if (cnt)
                refs[rn++] = (ref){c, cnt, at};
        }
    }
    fprintf(out, "};\n\nstatic const sr_lex_ref refs[] = {{0, 0, 0}");
    for (int i = 0; i < rn; i++)
        fprintf(out, ",\n    {%d, %d, %u}", refs[i].cls, refs[i].nrows, refs[i].at);
    fprintf(out, "};\n\nstatic const sr_lex_entry entries[%d] = {\n    {0, 0, 0, 0, 0}",
            nentries + 1);
    for (int i = 0; i < nentries; i++) {
        entry *e = &entries[i];
        int nr = 0;
        for (int r = rowoff[i]; r < (i + 1 < nentries ? (int)rowoff[i + 1] : rn); r++)
            nr++;
        fprintf(out, ",\n    {%lluull, %u, %u, %u, %u}", (unsigned long long)e->hash, off[i],
                (unsigned)strlen(e->text), nr ? rowoff[i] + 1 : 0, nr);
    }
    /* the class bits apart from the entries, an entry's in one cache line:
     * the analysers test them for every token, the rest only on lookup */
    fprintf(out, "};\n\nstatic _Alignas(64) const sr_lex_bits bits[%d] = {\n    {{0}, {0}}",
            nentries + 1);
    for (int i = 0; i < nentries; i++) {
        entry *e = &entries[i];
        fputs(",\n    {{", out);
        for (int w = 0; w < maskw; w++)
            fprintf(out, "%s%lluull", w ? "," : "", (unsigned long long)e->mask[w]);
        fputs("}, {", out);
        for (int w = 0; w < maskw; w++)
            fprintf(out, "%s%lluull", w ? "," : "", (unsigned long long)e->head[w]);
        fputs("}}", out);
    }
    fprintf(out, "};\n\n");
    /* the perfect hash of the entries: a displacement per bucket, a slot
     * per entry (up to 16 in 17 slots full), so that a lookup reads one
     * displacement and one slot of a table of 4 bytes a slot, without a
     * probe sequence */
    size_t nb = 1, slots = 16;
    while (nb * 4 < (size_t)nentries)
        nb <<= 1;
    while (slots < (size_t)nentries + (size_t)nentries / 16)
        slots <<= 1;
    uint16_t *disp = calloc(nb, sizeof *disp);
    uint32_t *tab = calloc(slots, sizeof *tab);
    if (!disp || !tab)
        return 1;
    while (!perfect_hash(tab, slots, disp, nb)) {
        if (slots > ((size_t)nentries + 16) * 64)
            die("no perfect hash of the lexicon entries (two with one hash?)");
        slots <<= 1;
        tab = xrealloc(tab, slots * sizeof *tab);
    }
    fprintf(out, "static const uint16_t disp[%zu] = {", nb);
    for (size_t i = 0; i < nb; i++)
        fprintf(out, "%s%u", i == 0 ? "\n    " : i % 16 ? "," : ",\n    ", disp[i]);
    /* each slot: the entry's id in the low 16 bits and the top 16 bits of
     * its hash in the high ones, so that a word in no lexicon is told
     * without reading an entry */
    fprintf(out, "};\n\nstatic const uint32_t slots[%zu] = {", slots);
    for (size_t i = 0; i < slots; i++) {
        unsigned long v = tab[i] ? (unsigned long)(entries[tab[i] - 1].hash >> 48) << 16 | tab[i] : 0;
        fprintf(out, "%s%luu", i == 0 ? "\n    " : i % 8 ? "," : ",\n    ", v);
    }
    fprintf(out, "};\n\nstatic const sr_lex_class classes[%d] = {", nclasses ? nclasses : 1);
    if (!nclasses)
        fprintf(out, "{\"\", \"\", 0, 0, 0}");
    for (int c = 0; c < nclasses; c++) {
        fprintf(out, "%s\n    {", c ? "," : "");
        emit_string(out, classes[c].label);
        fputs(", ", out);
        emit_string(out, classes[c].file);
        fprintf(out, ", %d, %d, %d}", classes[c].line, classes[c].ncols, classes[c].maxwords);
    }
    fprintf(out, "};\n\nconst sr_lexicon sr_lexicon_data = {pool, entries, bits, %d, slots, %zuu, disp, %zuu, "
                 "refs, values, classes, %d};\n",
            nentries + 1, slots - 1, nb - 1, nclasses);
    fclose(out);
    return 0;
}
