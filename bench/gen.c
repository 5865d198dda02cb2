/*
 * gen.c -- deterministic benchmark corpus generator.
 *
 *   gen [--seed N] [--jsonl-mb M] [--records N] [--split K] [--days D]
 *       OUTDIR TOTAL_MB SOURCE_FILE...
 *
 * Reads source articles (plain-text files; a *.spec fixture file is split
 * into the input sections of its cases) and writes, under OUTDIR:
 *
 *   text/dNNN/aNNNNNN.txt   plain-text articles of 2-10 KB, about 1 MB of
 *                           articles per directory, TOTAL_MB (10^6 bytes)
 *                           or more in all;
 *   articles.jsonl          JSON Lines records {"id","title","published",
 *                           "text"} of M MB or more (default TOTAL_MB), or
 *                           exactly N records with --records; with --split
 *                           K, articles-NNNNN.jsonl of K records each
 *                           instead (a feed in batches);
 *   MANIFEST                what was written (files, bytes, sources).
 *
 * Every article is one source article padded with prose paragraphs (150+
 * bytes) of any source, then mutated: body paragraphs shuffled, numbers
 * changed, place and actor names swapped within small lists, a few word
 * pairs glued by deleting the space, and junk lines ("close", "5h ago",
 * "Advertisement") inserted, so the cleaner and the glued-word repair have
 * real work.  The output depends only on the sources and the seed (a
 * splitmix64 PRNG).
 *
 * A record's date is any day of 2025, or with --days D the days of a
 * feed: record i of N on day i * D / N from 2025-01-01 (ids and dates
 * grow together, as a news feed's do).  The articles are the same either
 * way.
 *
 * Sources are read at run time and never copied into the repository;
 * sources that are empty, binary, not UTF-8 or JSON are skipped.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* ---- growable byte buffer ---- */

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void buf_reserve(buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t nc = b->cap ? b->cap : 256;
    while (nc < b->len + extra + 1)
        nc *= 2;
    char *p = realloc(b->p, nc);
    if (!p)
        die("out of memory");
    b->p = p;
    b->cap = nc;
}

static void buf_add(buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void buf_str(buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_ch(buf *b, char c)
{
    buf_add(b, &c, 1);
}

/* ---- PRNG: splitmix64 ---- */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static size_t rng_below(size_t n)
{
    return n ? (size_t)(rng_next() % n) : 0;
}

/* True with probability 1/n. */
static bool rng_one_in(size_t n)
{
    return rng_below(n) == 0;
}

/* ---- sources: articles split into paragraphs ---- */

typedef struct para {
    const char *s;
    size_t n;
} para;

typedef struct article {
    para *paras;
    size_t npara;
    size_t bytes;
} article;

static article *articles;
static size_t narticles, caparticles;
/* Body-like paragraphs of every article (long prose), used for padding. */
static para *bodies;
static size_t nbodies, capbodies;
static size_t nsource_files;

static bool valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c == 0)
            return false;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        uint32_t cp;
        if ((c & 0xE0) == 0xC0) {
            k = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            k = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            k = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += k + 1;
    }
    return true;
}

/* Adds one article text (borrowed; must outlive the generator) split into
 * paragraphs at blank lines.  Skips text that a reader would not take as
 * a plain-text article. */
static void add_article(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    if (i == n || s[i] == '{' || !valid_utf8((const unsigned char *)s, n))
        return;
    article a = {NULL, 0, 0};
    size_t cap = 0;
    size_t pos = 0;
    while (pos < n) {
        /* a paragraph: lines up to a blank line */
        size_t start = pos, end = pos;
        for (;;) {
            const char *nl = memchr(s + pos, '\n', n - pos);
            size_t le = nl ? (size_t)(nl - s) : n;
            bool blank = true;
            for (size_t k = pos; k < le; k++)
                if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r')
                    blank = false;
            pos = nl ? le + 1 : n;
            if (blank)
                break;
            end = le;
            if (pos >= n)
                break;
        }
        if (end > start) {
            if (a.npara == cap) {
                cap = cap ? cap * 2 : 16;
                a.paras = realloc(a.paras, cap * sizeof *a.paras);
                if (!a.paras)
                    die("out of memory");
            }
            a.paras[a.npara++] = (para){s + start, end - start};
            a.bytes += end - start + 2;
        }
    }
    if (a.npara == 0) {
        free(a.paras);
        return;
    }
    for (size_t k = 0; k < a.npara; k++) {
        const para *p = &a.paras[k];
        if (p->n < 150 || memchr(p->s, '\n', p->n) || p->s[p->n - 1] == ':')
            continue;
        if (nbodies == capbodies) {
            capbodies = capbodies ? capbodies * 2 : 64;
            bodies = realloc(bodies, capbodies * sizeof *bodies);
            if (!bodies)
                die("out of memory");
        }
        bodies[nbodies++] = *p;
    }
    if (narticles == caparticles) {
        caparticles = caparticles ? caparticles * 2 : 32;
        articles = realloc(articles, caparticles * sizeof *articles);
        if (!articles)
            die("out of memory");
    }
    articles[narticles++] = a;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = {NULL, 0, 0};
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        buf_add(&b, tmp, k);
    bool err = ferror(f);
    fclose(f);
    if (err) {
        free(b.p);
        return NULL;
    }
    if (!b.p)
        buf_reserve(&b, 0);
    *len = b.len;
    return b.p;
}

/* A spec file holds cases "### name", input lines, a line ".", expected
 * output, a line ".", metadata.  Each case's input becomes one article. */
static void add_spec(const char *s, size_t n)
{
    size_t pos = 0;
    while (pos < n) {
        const char *nl = memchr(s + pos, '\n', n - pos);
        size_t le = nl ? (size_t)(nl - s) : n;
        size_t next = nl ? le + 1 : n;
        if (le - pos >= 4 && memcmp(s + pos, "### ", 4) == 0) {
            size_t start = next, p = next;
            while (p < n) {
                const char *nl2 = memchr(s + p, '\n', n - p);
                size_t le2 = nl2 ? (size_t)(nl2 - s) : n;
                if (le2 - p == 1 && s[p] == '.')
                    break;
                p = nl2 ? le2 + 1 : n;
            }
            if (p > start)
                add_article(s + start, p - start);
            next = p;
        }
        pos = next;
    }
}

static void add_source(const char *path)
{
    size_t len;
    char *s = read_file(path, &len);
    if (!s) {
        fprintf(stderr, "gen: skipping %s: %s\n", path, strerror(errno));
        return;
    }
    size_t before = narticles;
    size_t plen = strlen(path);
    if (plen > 5 && strcmp(path + plen - 5, ".spec") == 0)
        add_spec(s, len);
    else
        add_article(s, len);
    if (narticles > before)
        nsource_files++;
    /* s stays alive: paragraphs point into it */
}

/* ---- mutations ---- */

static const char *const cities[] = {
    "Mogadishu", "Kismayo", "Baidoa",   "Beledweyne", "Kirkuk",   "Mosul",   "Raqqa",
    "Idlib",     "Aleppo",  "Maiduguri", "Gao",       "Timbuktu", "Sanaa",   "Aden",
    "Tripoli",   "Benghazi", "Goma",     "Kabul",     "Jalalabad", "Marib",  "Homs",
    NULL};
static const char *const countries[] = {"Somalia", "Syria",  "Iraq",        "Nigeria",
                                        "Mali",    "Yemen",  "Libya",       "Afghanistan",
                                        "Niger",   "Kenya",  "Mozambique",  "Sudan",
                                        NULL};
static const char *const actors[] = {"al-Shabaab", "ISIS",    "ISIL",   "AFRICOM", "CENTCOM",
                                     "Hezbollah",  "Houthis", "JNIM",   "ISWAP",   "AMISOM",
                                     "AUSSOM",     "SDF",     "Taliban", "Wagner", NULL};
static const char *const *const lists[] = {cities, countries, actors};
#define NLISTS (sizeof lists / sizeof lists[0])

static const char *const junk[] = {"close", "5h ago", "Advertisement", "Share",
                                   "Skip to content", "Read more", "2 days ago",
                                   "Sign in", "Subscribe to our newsletter", NULL};

static size_t list_len(const char *const *l)
{
    size_t n = 0;
    while (l[n])
        n++;
    return n;
}

/* Per-article renaming: lists[l][i] becomes lists[l][map[l][i]]. */
static size_t rename_map[NLISTS][32];

static void new_rename_map(void)
{
    for (size_t l = 0; l < NLISTS; l++) {
        size_t n = list_len(lists[l]);
        for (size_t i = 0; i < n; i++)
            rename_map[l][i] = i;
        /* rename about a third of the names */
        for (size_t i = 0; i < n; i++)
            if (rng_one_in(3))
                rename_map[l][i] = rng_below(n);
    }
}

static const char *renamed(const char *w, size_t n)
{
    for (size_t l = 0; l < NLISTS; l++)
        for (size_t i = 0; lists[l][i]; i++)
            if (strlen(lists[l][i]) == n && memcmp(lists[l][i], w, n) == 0)
                return lists[l][rename_map[l][i]];
    return NULL;
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Appends paragraph p to out, mutated: numbers changed, names swapped,
 * now and then two words glued. */
static void mutate_para(buf *out, const para *p)
{
    const char *s = p->s;
    size_t n = p->n, i = 0;
    while (i < n) {
        char c = s[i];
        if (is_digit(c)) {
            size_t j = i;
            while (j < n && is_digit(s[j]))
                j++;
            size_t len = j - i;
            bool date_part = (i > 0 && (s[i - 1] == '-' || s[i - 1] == ':' || s[i - 1] == '/')) ||
                             (j < n && (s[j] == '-' || s[j] == ':' || s[j] == '/'));
            if (date_part) {
                buf_add(out, s + i, len); /* dates and times stay valid */
            } else if (len == 4 && (memcmp(s + i, "19", 2) == 0 || memcmp(s + i, "20", 2) == 0)) {
                /* a year: keep it plausible */
                char y[8];
                snprintf(y, sizeof y, "%d", 2015 + (int)rng_below(11));
                buf_add(out, rng_one_in(2) ? y : s + i, 4);
            } else if (rng_one_in(2)) {
                for (size_t k = 0; k < len; k++) {
                    char d = (char)('0' + rng_below(10));
                    if (k == 0 && len > 1 && d == '0')
                        d = '1';
                    buf_ch(out, d);
                }
            } else {
                buf_add(out, s + i, len);
            }
            i = j;
        } else if (is_alpha(c)) {
            size_t j = i;
            while (j < n && (is_alpha(s[j]) ||
                             ((s[j] == '-' || s[j] == '\'') && j + 1 < n && is_alpha(s[j + 1]))))
                j++;
            const char *r = renamed(s + i, j - i);
            if (r)
                buf_str(out, r);
            else
                buf_add(out, s + i, j - i);
            i = j;
        } else if (c == ' ' && i > 0 && i + 1 < n && is_lower(s[i - 1]) && is_alpha(s[i + 1]) &&
                   rng_one_in(150)) {
            i++; /* glue: drop the space */
        } else {
            buf_ch(out, c);
            i++;
        }
    }
}

static void maybe_junk(buf *out)
{
    if (rng_one_in(5)) {
        buf_str(out, junk[rng_below(list_len(junk))]);
        buf_str(out, "\n\n");
    }
}

/* Writes one article of about `target` bytes into out; *title receives
 * a borrowed pointer to its first paragraph's first line. */
static void make_article(buf *out, size_t target, const char **title, size_t *title_len)
{
    out->len = 0;
    new_rename_map();
    const article *a = &articles[rng_below(narticles)];
    /* order: the first two paragraphs (header area) stay, the rest shuffle */
    size_t order[4096];
    size_t np = a->npara < 4096 ? a->npara : 4096;
    for (size_t i = 0; i < np; i++)
        order[i] = i;
    size_t keep = np < 2 ? np : 2;
    for (size_t i = np; i > keep + 1; i--) {
        size_t j = keep + rng_below(i - keep);
        size_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    if (rng_one_in(3))
        buf_str(out, "close\n\n");
    *title = a->paras[0].s;
    const char *nl = memchr(a->paras[0].s, '\n', a->paras[0].n);
    *title_len = nl ? (size_t)(nl - a->paras[0].s) : a->paras[0].n;
    for (size_t i = 0; i < np && (out->len < target || i < keep + 1); i++) {
        mutate_para(out, &a->paras[order[i]]);
        buf_str(out, "\n\n");
        if (i >= keep)
            maybe_junk(out);
    }
    /* pad with body paragraphs of any article */
    while (out->len < target && nbodies) {
        mutate_para(out, &bodies[rng_below(nbodies)]);
        buf_str(out, "\n\n");
        maybe_junk(out);
    }
    if (rng_one_in(2))
        buf_str(out, "Advertisement\n");
}

/* ---- output ---- */

static void json_string(buf *out, const char *s, size_t n)
{
    buf_ch(out, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': buf_str(out, "\\\""); break;
        case '\\': buf_str(out, "\\\\"); break;
        case '\n': buf_str(out, "\\n"); break;
        case '\r': buf_str(out, "\\r"); break;
        case '\t': buf_str(out, "\\t"); break;
        case '\b': buf_str(out, "\\b"); break;
        case '\f': buf_str(out, "\\f"); break;
        default:
            if (c < 0x20) {
                char e[8];
                snprintf(e, sizeof e, "\\u%04x", c);
                buf_str(out, e);
            } else {
                buf_ch(out, (char)c);
            }
        }
    }
    buf_ch(out, '"');
}

static void make_dir(const char *path)
{
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        die("cannot create %s: %s", path, strerror(errno));
}

static void write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(s, 1, n, f) != n || fclose(f) != 0)
        die("cannot write %s: %s", path, strerror(errno));
}

static size_t article_size(void)
{
    return 2000 + rng_below(8001); /* 2-10 KB */
}

/* Day `n` from 2025-01-01 as a month and day (past the year's end, the
 * year starts again: the date stays in 2025). */
static void feed_day(unsigned long long n, int *month, int *day)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    n %= 365;
    int m = 0;
    while (n >= (unsigned long long)len[m])
        n -= (unsigned long long)len[m++];
    *month = m + 1;
    *day = (int)n + 1;
}

static unsigned long long parse_mb(const char *s, const char *what)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || end == s)
        die("%s must be a number, not \"%s\"", what, s);
    return v;
}

int main(int argc, char **argv)
{
    unsigned long long seed = 20250722, jsonl_mb = 0, records = 0, split = 0, days = 0;
    bool jsonl_set = false;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            seed = parse_mb(argv[++i], "--seed");
        } else if (strcmp(argv[i], "--jsonl-mb") == 0 && i + 1 < argc) {
            jsonl_mb = parse_mb(argv[++i], "--jsonl-mb");
            jsonl_set = true;
        } else if (strcmp(argv[i], "--records") == 0 && i + 1 < argc) {
            records = parse_mb(argv[++i], "--records");
        } else if (strcmp(argv[i], "--split") == 0 && i + 1 < argc) {
            split = parse_mb(argv[++i], "--split");
        } else if (strcmp(argv[i], "--days") == 0 && i + 1 < argc) {
            days = parse_mb(argv[++i], "--days");
        } else {
            die("unknown option %s", argv[i]);
        }
    }
    if (argc - i < 3) {
        fputs("usage: gen [--seed N] [--jsonl-mb M] [--records N] [--split K] [--days D] OUTDIR TOTAL_MB "
              "SOURCE_FILE...\n",
              stderr);
        return 2;
    }
    const char *outdir = argv[i];
    unsigned long long total_mb = parse_mb(argv[i + 1], "TOTAL_MB");
    if (!jsonl_set)
        jsonl_mb = total_mb;
    for (int k = i + 2; k < argc; k++)
        add_source(argv[k]);
    if (narticles == 0)
        die("no usable source articles");
    if (nbodies == 0)
        die("no source article has a paragraph of 150 bytes or more");
    rng_state = seed;

    make_dir(outdir);
    buf path = {NULL, 0, 0};
    buf art = {NULL, 0, 0};
    buf_str(&path, outdir);
    buf_str(&path, "/text");
    make_dir(path.p);

    /* plain-text articles, ~1 MB per directory */
    const unsigned long long total = total_mb * 1000000ull;
    unsigned long long written = 0, dir_bytes = 0;
    size_t nfiles = 0, ndirs = 0;
    char name[64];
    while (written < total) {
        if (nfiles == 0 || dir_bytes >= 1000000) {
            path.len = 0;
            snprintf(name, sizeof name, "/text/d%03zu", ndirs++);
            buf_str(&path, outdir);
            buf_str(&path, name);
            make_dir(path.p);
            dir_bytes = 0;
        }
        const char *title;
        size_t tlen;
        make_article(&art, article_size(), &title, &tlen);
        size_t dlen = path.len;
        snprintf(name, sizeof name, "/a%06zu.txt", nfiles++);
        buf_str(&path, name);
        write_file(path.p, art.p, art.len);
        path.len = dlen;
        path.p[dlen] = '\0';
        written += art.len;
        dir_bytes += art.len;
    }

    /* one JSON Lines file, or one per `split` records */
    FILE *jf = NULL;
    const unsigned long long jtotal = jsonl_mb * 1000000ull;
    unsigned long long jwritten = 0, jtext = 0;
    size_t nrecords = 0;
    buf rec = {NULL, 0, 0};
    while (records ? nrecords < records : jwritten < jtotal) {
        if (!jf || (split && nrecords % split == 0)) {
            if (jf && fclose(jf) != 0)
                die("cannot write %s: %s", path.p, strerror(errno));
            path.len = 0;
            buf_str(&path, outdir);
            if (split)
                snprintf(name, sizeof name, "/articles-%05llu.jsonl", (unsigned long long)nrecords / split);
            else
                snprintf(name, sizeof name, "/articles.jsonl");
            buf_str(&path, name);
            if (!(jf = fopen(path.p, "wb")))
                die("cannot write %s: %s", path.p, strerror(errno));
        }
        const char *title;
        size_t tlen;
        make_article(&art, article_size(), &title, &tlen);
        rec.len = 0;
        snprintf(name, sizeof name, "{\"id\":\"bench-%06zu\",\"title\":", ++nrecords);
        buf_str(&rec, name);
        json_string(&rec, title, tlen > 160 ? 160 : tlen);
        /* the day drawn before the month, as the generator always has */
        int day = 1 + (int)rng_below(28);
        int month = 1 + (int)rng_below(12);
        if (days && records)
            feed_day((nrecords - 1) * days / records, &month, &day);
        snprintf(name, sizeof name, ",\"published\":\"2025-%02d-%02d\",\"text\":", month, day);
        buf_str(&rec, name);
        json_string(&rec, art.p, art.len);
        buf_str(&rec, "}\n");
        if (fwrite(rec.p, 1, rec.len, jf) != rec.len)
            die("cannot write %s: %s", path.p, strerror(errno));
        jwritten += rec.len;
        jtext += art.len;
    }
    if (jf && fclose(jf) != 0)
        die("cannot write %s: %s", path.p, strerror(errno));

    /* manifest */
    path.len = 0;
    buf_str(&path, outdir);
    buf_str(&path, "/MANIFEST");
    buf m = {NULL, 0, 0};
    char line[256];
    snprintf(line, sizeof line,
             "seed %llu\nsource_files %zu\nsource_articles %zu\n"
             "text_files %zu\ntext_dirs %zu\ntext_bytes %llu\n"
             "jsonl_records %zu\njsonl_bytes %llu\njsonl_text_bytes %llu\n",
             seed, nsource_files, narticles, nfiles, ndirs, written, nrecords, jwritten, jtext);
    buf_str(&m, line);
    write_file(path.p, m.p, m.len);
    fputs(m.p, stdout);
    free(m.p);
    free(rec.p);
    free(art.p);
    free(path.p);
    return 0;
}
