/*
 * render_report.c -- the situation report a person reads, made from the
 * records of the output contract (CONTRACT.md): sr_render_markdown and
 * sr_render_html (render.h).
 *
 * Both renderers first sort the records into a model (the lists by type,
 * ids indexed for lookup, claims ordered by outlets then value, events by
 * date) and then write the same sections: a summary, the stories, the key
 * figures, the conflicts, the events and the trends.  The HTML page adds a
 * timeline and a map of the events (render_map.c) and a chart per trend,
 * all inline SVG, and lists every quote of every figure.
 *
 * Records are taken as they come: any field may be missing, null or of
 * another type, and is then left out rather than guessed.  Every string of
 * a record is article text or derived from it, so it is untrusted: the
 * HTML page escapes it (& < > " ') wherever it goes, text or attribute,
 * and only http(s) URLs become links; the Markdown escapes the characters
 * that would make markup of it.
 *
 * Output is gathered in a buffer and handed to `write` in pieces of about
 * FLUSH_AT bytes; the first failure (out of memory, or `write` refusing)
 * sticks, and the functions return it.
 */
#include "report/render.h"
#include "core/html.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLUSH_AT 32768
#define QUOTE_SHORT 220 /* bytes of a quote the Markdown shows */

/* ==== output ==== */

typedef enum { ESC_HTML, ESC_MD } esc_mode;

typedef struct out {
    sr_buf buf;
    sitrep_write_fn write;
    void *ctx;
    sitrep_status status;
    esc_mode mode; /* how text() escapes */
} out;

static void flush(out *o)
{
    if (o->status == SITREP_OK && o->buf.len > 0 && o->write(o->buf.data, o->buf.len, o->ctx) != 0)
        o->status = SITREP_EIO;
    sr_buf_clear(&o->buf);
}

static void put(out *o, const char *s, size_t n)
{
    if (o->status != SITREP_OK || n == 0)
        return;
    if (!sr_buf_put(&o->buf, s, n)) {
        o->status = SITREP_ENOMEM;
        return;
    }
    if (o->buf.len >= FLUSH_AT)
        flush(o);
}

/* Markup: a literal of this file, never record text. */
static void raw(out *o, const char *s)
{
    put(o, s, strlen(s));
}

/* Markup with numbers.  Never given record strings (they would go out
 * unescaped), so the fixed buffer is enough. */
static void rawf(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void rawf(out *o, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        put(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* The replacement of byte c in HTML, or NULL when it stands for itself. */
static const char *html_escape(char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

/* Markdown: a backslash before every character that could start markup
 * (CommonMark lets any ASCII punctuation be escaped so; $ starts math in
 * some renderers), but < and > as character references, which every
 * renderer that passes HTML through honours; line breaks and tabs as
 * spaces so a quote stays inside its list item. */
static bool md_special(char c)
{
    return c != '\0' && strchr("\\`*_[]|~&#$", c) != NULL;
}

/* Record text s[0..n), escaped for the output's mode; runs of bytes that
 * need nothing go out whole. */
static void text_n(out *o, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        unsigned char u = (unsigned char)c;
        bool c1 = u == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F;
        if ((u < 0x20 && c != '\n' && c != '\r' && c != '\t') || u == 0x7F || c1) {
            /* a control character (an article's ESC, BEL, CSI) reaches
             * no terminal and no page */
            put(o, s + run, i - run);
            i += c1;
        } else if (o->mode == ESC_HTML) {
            const char *rep = html_escape(c);
            if (rep == NULL)
                continue;
            put(o, s + run, i - run);
            raw(o, rep);
        } else if (c == '\n' || c == '\r' || c == '\t') {
            put(o, s + run, i - run);
            if (i == 0 || (s[i - 1] != '\n' && s[i - 1] != '\r' && s[i - 1] != '\t' &&
                           s[i - 1] != ' '))
                put(o, " ", 1);
        } else if (c == '<' || c == '>') {
            put(o, s + run, i - run);
            raw(o, c == '<' ? "&lt;" : "&gt;");
        } else if (md_special(c)) {
            put(o, s + run, i - run);
            char esc[2] = {'\\', c};
            put(o, esc, 2);
        } else {
            continue;
        }
        run = i + 1;
    }
    put(o, s + run, n - run);
}

static void text(out *o, const char *s)
{
    if (s)
        text_n(o, s, strlen(s));
}

/* Record text cut to about `limit` bytes: at a space when one is near the
 * end, never inside a UTF-8 character, with an ellipsis. */
static void text_short(out *o, const char *s, size_t limit)
{
    if (s == NULL)
        return;
    size_t n = strlen(s);
    if (n <= limit) {
        text_n(o, s, n);
        return;
    }
    size_t cut = limit;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    for (size_t k = cut; k > 0 && cut - k < 40; k--)
        if (s[k] == ' ') {
            cut = k;
            break;
        }
    text_n(o, s, cut);
    raw(o, "\xE2\x80\xA6"); /* … */
}

/* Does the text hold markup (a web page's quote spans the inline tags of
 * its sentence: "<a href=...>Taliban</a>")? */
static bool has_markup(const char *q)
{
    for (const char *p = strchr(q, '<'); p; p = strchr(p + 1, '<'))
        if ((p[1] >= 'a' && p[1] <= 'z') || (p[1] == '/' && p[2] >= 'a' && p[2] <= 'z'))
            return true;
    return false;
}

/* A quote as a person reads it: a web page's inline tags left out and its
 * character references ("&amp;", "&#8217;") decoded (the record keeps the
 * bytes as the page has them), then shown like any record text, cut to
 * `limit` bytes when limit is not 0. */
static void quote_text(out *o, const char *q, size_t limit)
{
    if (q == NULL)
        return;
    sr_buf plain, d;
    sr_buf_init(&plain, NULL);
    sr_buf_init(&d, NULL);
    const char *show = q;
    if (has_markup(q)) {
        bool ok = true;
        for (const char *p = q; *p && ok;) {
            if (*p == '<' && (p[1] == '/' || (p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z'))) {
                const char *gt = strchr(p, '>');
                if (!gt)
                    break;
                p = gt + 1;
                continue;
            }
            ok = sr_buf_putc(&plain, *p++);
        }
        if (ok && sr_buf_putc(&plain, '\0'))
            show = plain.data;
    }
    if (strchr(show, '&') && sr_html_write_unescaped(show, strlen(show), sr_buf_write_cb, &d) == 0 &&
        sr_buf_putc(&d, '\0'))
        show = d.data;
    if (limit)
        text_short(o, show, limit);
    else
        text(o, show);
    sr_buf_free(&plain);
    sr_buf_free(&d);
}

/* ==== reading records ==== */

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static bool num(json_t *o, const char *key, double *v)
{
    json_t *x = json_object_get(o, key);
    if (!json_is_number(x))
        return false;
    *v = json_number_value(x);
    return isfinite(*v);
}

static const char *id_of(json_t *o)
{
    const char *s = str(o, "id");
    return s ? s : "";
}

/* A number as people write it: 2,500; 307.7; 2.54; 25 million. */
static void fmt_num(char *buf, size_t size, double v)
{
    static const struct { double unit; const char *word; } big[] = {
        {1e9, "billion"}, {1e6, "million"},
    };
    for (size_t i = 0; i < sizeof big / sizeof *big; i++)
        if (fabs(v) >= big[i].unit && fabs(v) < big[i].unit * 1000 &&
            fmod(v, big[i].unit / 10) == 0) {
            snprintf(buf, size, "%g %s", v / big[i].unit, big[i].word);
            return;
        }
    if (fabs(v) < 1e15 && v == floor(v)) {
        char digits[32];
        snprintf(digits, sizeof digits, "%.0f", fabs(v));
        size_t nd = strlen(digits), k = 0;
        if (v < 0 && k + 1 < size)
            buf[k++] = '-';
        for (size_t i = 0; i < nd && k + 2 < size; i++) {
            buf[k++] = digits[i];
            if ((nd - i - 1) % 3 == 0 && i + 1 < nd)
                buf[k++] = ',';
        }
        buf[k] = '\0';
        return;
    }
    snprintf(buf, size, "%.2f", v);
    char *dot = strchr(buf, '.');
    if (dot) { /* 307.70 -> 307.7, 2.00 -> 2 */
        char *e = buf + strlen(buf) - 1;
        while (e > dot && *e == '0')
            *e-- = '\0';
        if (e == dot)
            *e = '\0';
    }
}

/* The words a qualifier puts before a figure ("" for exact and ranges). */
static const char *qualifier_words(const char *q)
{
    static const char *const map[][2] = {
        {"approximately", "about "}, {"more_than", "more than "}, {"at_least", "at least "},
        {"fewer_than", "fewer than "}, {"up_to", "up to "},
    };
    for (size_t i = 0; q && i < sizeof map / sizeof *map; i++)
        if (strcmp(q, map[i][0]) == 0)
            return map[i][1];
    return "";
}

/* {low, high} with its qualifier: "about 2,500", "3,000–5,000", "?";
 * a figure of dollars or percent gets its sign ("$10 million", "70%"). */
static void fmt_value(char *buf, size_t size, json_t *value, const char *qualifier,
                      const char *measure)
{
    const char *pre = "", *post = "";
    if (measure && strcmp(measure, "usd") == 0)
        pre = "$";
    else if (measure && strcmp(measure, "percent") == 0)
        post = "%";
    double lo, hi;
    bool has_lo = num(value, "low", &lo), has_hi = num(value, "high", &hi);
    if (!has_lo && !has_hi) {
        snprintf(buf, size, "?");
        return;
    }
    if (!has_lo)
        lo = hi;
    if (!has_hi)
        hi = lo;
    char a[40], b[40];
    fmt_num(a, sizeof a, lo);
    fmt_num(b, sizeof b, hi);
    if (lo == hi)
        snprintf(buf, size, "%s%s%s%s", qualifier_words(qualifier), pre, a, post);
    else
        snprintf(buf, size, "%s%s%s%s\xE2\x80\x93%s%s%s", qualifier_words(qualifier), pre, a, post,
                 pre, b, post);
}

/* A period {start, end} as "start..end", or one date when they agree. */
static bool put_period(out *o, json_t *period)
{
    const char *a = str(period, "start"), *b = str(period, "end");
    if (a == NULL && b == NULL)
        return false;
    text(o, a ? a : "?");
    if (b && (a == NULL || strcmp(a, b) != 0)) {
        raw(o, "..");
        text(o, b);
    }
    return true;
}

/* A place: {"name", "country"} or, per the contract, a bare name or code. */
static const char *place_name(json_t *p)
{
    if (json_is_string(p))
        return json_string_value(p);
    const char *s = str(p, "name");
    return s ? s : str(p, "country");
}

/* The places of an array, comma-separated; false when there are none. */
static bool put_places(out *o, json_t *places)
{
    bool any = false;
    for (size_t i = 0; i < json_array_size(places); i++) {
        const char *s = place_name(json_array_get(places, i));
        if (s == NULL)
            continue;
        if (any)
            raw(o, ", ");
        text(o, s);
        any = true;
    }
    return any;
}

/* The strings of an array, comma-separated; false when there are none. */
static bool put_strings(out *o, json_t *array)
{
    bool any = false;
    for (size_t i = 0; i < json_array_size(array); i++) {
        const char *s = json_string_value(json_array_get(array, i));
        if (s == NULL)
            continue;
        if (any)
            raw(o, ", ");
        text(o, s);
        any = true;
    }
    return any;
}

/* ==== dates: days since 1970-01-01 (Howard Hinnant's algorithms) ==== */

static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (more may follow) as its first day. */
static bool parse_day(const char *s, long *days)
{
    if (s == NULL)
        return false;
    for (int i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    unsigned m = 1, d = 1;
    if (s[4] == '-' && s[5] >= '0' && s[5] <= '9' && s[6] >= '0' && s[6] <= '9') {
        m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
        if (s[7] == '-' && s[8] >= '0' && s[8] <= '9' && s[9] >= '0' && s[9] <= '9')
            d = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
    }
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    *days = days_from_civil(y, m, d);
    return true;
}

/* ==== the model ==== */

typedef struct link {
    const char *claim; /* a claim id a conflict names */
    json_t *conflict;
} link;

typedef struct model {
    const sitrep_mem *mem;
    json_t **docs, **stories, **claims, **events, **conflicts, **trends;
    size_t ndocs, nstories, nclaims, nevents, nconflicts, ntrends;
    json_t **updates;              /* conflict records of kind "update": a later
                                    * report revising a figure, not a dispute */
    size_t nupdates;
    json_t **doc_ids, **story_ids, **claim_ids; /* the same records sorted by id */
    link *links;                   /* sorted by claim id */
    size_t nlinks;
    const char **scratch;          /* room for any list of strings of the records */
    size_t nscratch;
} model;

static int cmp_id(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return strcmp(id_of(*(json_t *const *)a), id_of(*(json_t *const *)b));
}

static int cmp_link(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    return strcmp(((const link *)a)->claim, ((const link *)b)->claim);
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Key figures first: more outlets, then the larger figure, then by id. */
static int cmp_claim(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    double ox = 0, oy = 0, vx = -INFINITY, vy = -INFINITY;
    num(x, "outlets", &ox);
    num(y, "outlets", &oy);
    if (ox != oy)
        return ox > oy ? -1 : 1;
    num(json_object_get(x, "value"), "high", &vx);
    num(json_object_get(y, "value"), "high", &vy);
    if (vx != vy)
        return vx > vy ? -1 : 1;
    return strcmp(id_of(x), id_of(y));
}

/* Events by their first day; undated ones last. */
static int cmp_event(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    long dx = 0, dy = 0;
    bool hx = parse_day(str(json_object_get(x, "date"), "start"), &dx);
    bool hy = parse_day(str(json_object_get(y, "date"), "start"), &dy);
    if (hx != hy)
        return hx ? -1 : 1;
    if (hx && dx != dy)
        return dx < dy ? -1 : 1;
    return strcmp(id_of(x), id_of(y));
}

/* Stories with more articles first, then the earlier. */
static int cmp_story(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    size_t nx = json_array_size(json_object_get(x, "documents"));
    size_t ny = json_array_size(json_object_get(y, "documents"));
    if (nx != ny)
        return nx > ny ? -1 : 1;
    const char *fx = str(x, "first_seen"), *fy = str(y, "first_seen");
    int c = strcmp(fx ? fx : "~", fy ? fy : "~");
    return c ? c : strcmp(id_of(x), id_of(y));
}

static void model_free(model *m)
{
    m->mem->free(m->docs); /* one block for all the lists */
    m->mem->free(m->links);
    m->mem->free(m->scratch);
}

static json_t *find(json_t **sorted, size_t n, const char *id)
{
    if (id == NULL)
        return NULL;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(id_of(sorted[mid]), id);
        if (c == 0)
            return sorted[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* The first conflict that names claim `id`, or NULL. */
static json_t *conflict_of(const model *m, const char *id)
{
    size_t lo = 0, hi = m->nlinks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->links[mid].claim, id);
        if (c == 0) {
            while (mid > 0 && strcmp(m->links[mid - 1].claim, id) == 0)
                mid--;
            return m->links[mid].conflict;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static size_t max_array(json_t *const *recs, size_t n, const char *key)
{
    size_t most = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = json_array_size(json_object_get(recs[i], key));
        most = k > most ? k : most;
    }
    return most;
}

/* The list a record goes to (documents 0 ... trends 5), or -1 for the
 * types the report does not show (entities, mentions) and non-records. */
static int type_index(json_t *rec)
{
    static const char *const types[] = {"document", "story", "claim", "event", "conflict", "trend"};
    const char *t = str(rec, "type");
    for (int k = 0; t && k < 6; k++)
        if (strcmp(t, types[k]) == 0)
            return k;
    return -1;
}

static sitrep_status model_init(model *m, json_t *const *recs, size_t n)
{
    memset(m, 0, sizeof *m);
    m->mem = sr_mem_or_default(NULL);
    size_t count[6] = {0};
    for (size_t i = 0; i < n; i++)
        if (type_index(recs[i]) >= 0)
            count[type_index(recs[i])]++;
    size_t total = count[0] + count[1] + count[2] + count[3] + count[4] + count[5];
    /* the lists, then the documents, stories and claims again, to sort by id */
    json_t **block = m->mem->calloc(total + count[0] + count[1] + count[2] + 1, sizeof *block);
    if (block == NULL)
        return SITREP_ENOMEM;
    json_t **lists[6];
    size_t at = 0;
    for (int t = 0; t < 6; t++) {
        lists[t] = block + at;
        at += count[t];
    }
    m->docs = lists[0], m->stories = lists[1], m->claims = lists[2];
    m->events = lists[3], m->conflicts = lists[4], m->trends = lists[5];
    m->doc_ids = block + total;
    m->story_ids = block + total + count[0];
    m->claim_ids = block + total + count[0] + count[1];
    size_t fill[6] = {0};
    for (size_t i = 0; i < n; i++) {
        int t = type_index(recs[i]);
        if (t >= 0)
            lists[t][fill[t]++] = recs[i];
    }
    m->ndocs = count[0], m->nstories = count[1], m->nclaims = count[2];
    m->nevents = count[3], m->nconflicts = count[4], m->ntrends = count[5];
    /* updates after the disputes, each list in record order */
    size_t nd = 0;
    for (size_t i = 0; i < m->nconflicts; i++)
        if (!str(m->conflicts[i], "kind") || strcmp(str(m->conflicts[i], "kind"), "update") != 0)
            m->doc_ids[nd++] = m->conflicts[i]; /* doc_ids as scratch: filled below */
    size_t nu = nd;
    for (size_t i = 0; i < m->nconflicts; i++)
        if (str(m->conflicts[i], "kind") && strcmp(str(m->conflicts[i], "kind"), "update") == 0)
            m->doc_ids[nu++] = m->conflicts[i];
    memcpy(m->conflicts, m->doc_ids, m->nconflicts * sizeof *block);
    m->updates = m->conflicts + nd;
    m->nupdates = m->nconflicts - nd;
    m->nconflicts = nd;
    memcpy(m->doc_ids, m->docs, m->ndocs * sizeof *block);
    memcpy(m->story_ids, m->stories, m->nstories * sizeof *block);
    memcpy(m->claim_ids, m->claims, m->nclaims * sizeof *block);

    for (size_t i = 0; i < m->nconflicts; i++)
        m->nlinks += json_array_size(json_object_get(m->conflicts[i], "claims"));
    m->links = m->mem->calloc(m->nlinks + 1, sizeof *m->links);
    /* scratch: the outlets of the largest story, or of all documents */
    m->nscratch = m->ndocs;
    size_t most = max_array(m->stories, m->nstories, "documents");
    m->nscratch = most > m->nscratch ? most : m->nscratch;
    m->scratch = m->mem->calloc(m->nscratch + 1, sizeof *m->scratch);
    if (m->links == NULL || m->scratch == NULL) {
        model_free(m);
        return SITREP_ENOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < m->nconflicts; i++) {
        json_t *ids = json_object_get(m->conflicts[i], "claims");
        for (size_t j = 0; j < json_array_size(ids); j++) {
            const char *id = json_string_value(json_array_get(ids, j));
            if (id)
                m->links[k++] = (link){id, m->conflicts[i]};
        }
    }
    m->nlinks = k;
    bool ok = sr_sort(m->doc_ids, m->ndocs, sizeof *block, cmp_id, NULL, m->mem) &&
              sr_sort(m->story_ids, m->nstories, sizeof *block, cmp_id, NULL, m->mem) &&
              sr_sort(m->claim_ids, m->nclaims, sizeof *block, cmp_id, NULL, m->mem) &&
              sr_sort(m->links, m->nlinks, sizeof *m->links, cmp_link, NULL, m->mem) &&
              sr_sort(m->claims, m->nclaims, sizeof *block, cmp_claim, NULL, m->mem) &&
              sr_sort(m->events, m->nevents, sizeof *block, cmp_event, NULL, m->mem) &&
              sr_sort(m->stories, m->nstories, sizeof *block, cmp_story, NULL, m->mem);
    if (!ok) {
        model_free(m);
        return SITREP_ENOMEM;
    }
    return SITREP_OK;
}

/* The distinct outlets of documents `ids` (an array of ids, or NULL for
 * every document), sorted, in m->scratch; returns how many. */
static size_t outlets_of(model *m, json_t *ids)
{
    size_t k = 0;
    size_t n = ids ? json_array_size(ids) : m->ndocs;
    for (size_t i = 0; i < n && k < m->nscratch; i++) {
        json_t *d = ids ? find(m->doc_ids, m->ndocs, json_string_value(json_array_get(ids, i)))
                        : m->docs[i];
        const char *s = str(d, "outlet");
        if (s && *s)
            m->scratch[k++] = s;
    }
    qsort(m->scratch, k, sizeof *m->scratch, cmp_cstr);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || strcmp(m->scratch[u - 1], m->scratch[i]) != 0)
            m->scratch[u++] = m->scratch[i];
    return u;
}

/* A story's outlets and its first and last days, each part after `sep`,
 * the days joined by `to` (Markdown and HTML differ only in those). */
static void story_outlets_days(out *o, model *m, json_t *s, json_t *docs, const char *sep, const char *to)
{
    size_t nout = outlets_of(m, docs);
    raw(o, sep);
    for (size_t k = 0; k < nout; k++) {
        if (k)
            raw(o, ", ");
        text(o, m->scratch[k]);
    }
    if (nout == 0)
        raw(o, "outlet unknown");
    const char *a = str(s, "first_seen"), *b = str(s, "last_seen");
    if (a || b) {
        raw(o, sep);
        text(o, a ? a : "?");
        if (b && (a == NULL || strcmp(a, b) != 0)) {
            raw(o, to);
            text(o, b);
        }
    }
}

/* The publication date of a document, stated or inferred. */
static const char *doc_date(json_t *d)
{
    const char *s = str(d, "published");
    return s ? s : str(d, "published_inferred");
}

/* Widens [*first, *last] to take in date s (first ten bytes compared:
 * ISO dates sort as strings); s is ignored unless it is a date. */
static void take_date(const char *s, const char **first, const char **last)
{
    long d;
    if (!parse_day(s, &d))
        return;
    if (*first == NULL || strncmp(s, *first, 10) < 0)
        *first = s;
    if (*last == NULL || strncmp(s, *last, 10) > 0)
        *last = s;
}

/* The earliest and latest document dates, or without any those the
 * stories were seen; false when nothing is dated. */
static bool date_range(const model *m, const char **first, const char **last)
{
    *first = *last = NULL;
    for (size_t i = 0; i < m->ndocs; i++)
        take_date(doc_date(m->docs[i]), first, last);
    bool from_docs = *first != NULL;
    for (size_t i = 0; i < m->nstories && !from_docs; i++) {
        take_date(str(m->stories[i], "first_seen"), first, last);
        take_date(str(m->stories[i], "last_seen"), first, last);
    }
    return *first != NULL;
}

static size_t count_status(const model *m, const char *status)
{
    size_t k = 0;
    for (size_t i = 0; i < m->nclaims; i++) {
        const char *s = str(m->claims[i], "status");
        k += s && strcmp(s, status) == 0;
    }
    return k;
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* The summary sentence, in either mode (text() escapes the dates). */
static void put_summary(out *o, model *m)
{
    size_t noutlets = outlets_of(m, NULL);
    rawf(o, "%zu %s from %zu %s in %zu %s", m->ndocs, plural(m->ndocs, "document", "documents"),
         noutlets, plural(noutlets, "named outlet", "named outlets"), m->nstories,
         plural(m->nstories, "story", "stories"));
    const char *first, *last;
    if (date_range(m, &first, &last)) {
        raw(o, ", dated ");
        text_n(o, first, strnlen(first, 10));
        if (strncmp(first, last, 10) != 0) {
            raw(o, " to ");
            text_n(o, last, strnlen(last, 10));
        }
    }
    rawf(o, ". %zu key %s (%zu corroborated, %zu contested), %zu %s, %zu %s, %zu %s.",
         m->nclaims, plural(m->nclaims, "figure", "figures"), count_status(m, "corroborated"),
         count_status(m, "contested"), m->nevents, plural(m->nevents, "event", "events"),
         m->nconflicts, plural(m->nconflicts, "conflict", "conflicts"), m->ntrends,
         plural(m->ntrends, "trend", "trends"));
}

/* The measure as words after the figure: none for dollars and percent,
 * which the figure's sign says. */
static const char *measure_words(json_t *c)
{
    const char *m = str(c, "measure");
    if (m && (strcmp(m, "usd") == 0 || strcmp(m, "percent") == 0))
        return NULL;
    return m;
}

/* "153 attacks" with its qualifier. */
static void put_figure(out *o, json_t *c)
{
    char v[128];
    fmt_value(v, sizeof v, json_object_get(c, "value"), str(c, "qualifier"), str(c, "measure"));
    text(o, v); /* "$": the Markdown escapes it */
    if (measure_words(c)) {
        raw(o, " ");
        text(o, measure_words(c));
    }
}

/* The claim's context: " — actor — places — period — per source". */
static void put_claim_context(out *o, json_t *c, const char *sep)
{
    if (str(c, "actor")) {
        raw(o, sep);
        text(o, str(c, "actor"));
    }
    json_t *places = json_object_get(c, "places");
    for (size_t i = 0; i < json_array_size(places); i++)
        if (place_name(json_array_get(places, i))) {
            raw(o, sep);
            put_places(o, places);
            break;
        }
    json_t *period = json_object_get(c, "period");
    if (str(period, "start") || str(period, "end")) {
        raw(o, sep);
        put_period(o, period);
    }
    if (str(c, "attributed_to")) {
        raw(o, sep);
        raw(o, "per ");
        text(o, str(c, "attributed_to"));
    }
}

/* "4 outlets" (nothing when the record does not say). */
static bool put_outlets(out *o, json_t *c)
{
    double k;
    if (!num(c, "outlets", &k) || k < 0)
        return false;
    rawf(o, "%.0f %s", k, k == 1 ? "outlet" : "outlets");
    return true;
}

/* "at least 12 killed" / "more than 80 injured" (`what`); false for null. */
static bool put_toll(out *o, json_t *toll, const char *what)
{
    if (!json_is_object(toll))
        return false;
    char v[128];
    fmt_value(v, sizeof v, toll, str(toll, "qualifier"), NULL);
    raw(o, v);
    raw(o, " ");
    raw(o, what);
    return true;
}

/* "Idlib (Idlib, SY)": the name, then admin1 and the country if known. */
static void put_location(out *o, json_t *loc)
{
    const char *name = str(loc, "name"), *admin1 = str(loc, "admin1"), *cc = str(loc, "country");
    text(o, name ? name : "place unknown");
    bool admin = admin1 && (name == NULL || strcmp(admin1, name) != 0);
    if (admin || cc) {
        raw(o, " (");
        if (admin)
            text(o, admin1);
        if (admin && cc)
            raw(o, ", ");
        if (cc)
            text(o, cc);
        raw(o, ")");
    }
}

/* "Battles: Armed clash". */
static void put_event_type(out *o, json_t *e)
{
    const char *t = str(e, "event_type"), *sub = str(e, "sub_event_type");
    text(o, t ? t : "Event");
    if (sub) {
        raw(o, ": ");
        text(o, sub);
    }
}

/* The date of an event: "2024-01-21..2024-01-31 (month)", or "undated". */
static void put_event_date(out *o, json_t *e)
{
    json_t *date = json_object_get(e, "date");
    if (!put_period(o, date)) {
        raw(o, "undated");
        return;
    }
    if (str(date, "precision")) {
        raw(o, " (");
        text(o, str(date, "precision"));
        raw(o, ")");
    }
}

/* ==== Markdown ==== */

static void md_stories(out *o, model *m)
{
    raw(o, "\n## Stories\n\n");
    if (m->nstories == 0)
        raw(o, "No stories.\n");
    for (size_t i = 0; i < m->nstories; i++) {
        json_t *s = m->stories[i], *docs = json_object_get(s, "documents");
        raw(o, "- **");
        if (str(s, "title"))
            text(o, str(s, "title"));
        else
            raw(o, "(untitled)");
        size_t nd = json_array_size(docs);
        rawf(o, "** \xE2\x80\x94 %zu %s", nd, plural(nd, "article", "articles"));
        story_outlets_days(o, m, s, docs, " \xE2\x80\x94 ", "..");
        raw(o, " (");
        text(o, id_of(s));
        raw(o, ")\n");
    }
}

/* The first quote of a record's sources, cut short, with its document. */
static void md_quote(out *o, json_t *rec, const char *indent)
{
    json_t *sources = json_object_get(rec, "sources");
    for (size_t i = 0; i < json_array_size(sources); i++) {
        json_t *sp = json_array_get(sources, i);
        const char *q = str(sp, "quote");
        if (q == NULL)
            continue;
        raw(o, indent);
        raw(o, "> \xE2\x80\x9C");
        quote_text(o, q, QUOTE_SHORT);
        raw(o, "\xE2\x80\x9D");
        if (str(sp, "doc")) {
            raw(o, " \xE2\x80\x94 ");
            text(o, str(sp, "doc"));
        }
        raw(o, "\n");
        return;
    }
}

static void md_claims(out *o, model *m)
{
    raw(o, "\n## Key figures\n\n");
    if (m->nclaims == 0)
        raw(o, "No figures.\n");
    for (size_t i = 0; i < m->nclaims; i++) {
        json_t *c = m->claims[i];
        raw(o, "- **");
        put_figure(o, c);
        raw(o, "**");
        put_claim_context(o, c, " \xE2\x80\x94 ");
        raw(o, " \xE2\x80\x94 ");
        if (!put_outlets(o, c))
            raw(o, "outlets unknown");
        if (str(c, "status")) {
            raw(o, " (");
            text(o, str(c, "status"));
            raw(o, ")");
        }
        raw(o, " (");
        text(o, id_of(c));
        raw(o, ")\n");
        md_quote(o, c, "  ");
    }
}

/* One claim a conflict names: "C1: about 2,500 fighters, per X, 2 outlets". */
static void md_conflict_claim(out *o, model *m, const char *id)
{
    raw(o, "  - ");
    text(o, id);
    json_t *c = find(m->claim_ids, m->nclaims, id);
    if (c == NULL) {
        raw(o, " (not among the figures)\n");
        return;
    }
    raw(o, ": ");
    put_figure(o, c);
    put_claim_context(o, c, ", ");
    raw(o, ", ");
    if (!put_outlets(o, c))
        raw(o, "outlets unknown");
    raw(o, "\n");
}

static void md_conflict_list(out *o, model *m, json_t **list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        json_t *k = list[i];
        raw(o, "- ");
        text(o, str(k, "reason") ? str(k, "reason") : "(no reason given)");
        raw(o, " (");
        text(o, id_of(k));
        raw(o, ")\n");
        json_t *ids = json_object_get(k, "claims");
        for (size_t j = 0; j < json_array_size(ids); j++)
            if (json_string_value(json_array_get(ids, j)))
                md_conflict_claim(o, m, json_string_value(json_array_get(ids, j)));
        json_t *evs = json_object_get(k, "events");
        if (json_array_size(evs)) {
            raw(o, "  - events: ");
            put_strings(o, evs);
            raw(o, "\n");
        }
    }
}

static void md_conflicts(out *o, model *m)
{
    raw(o, "\n## Conflicts\n\n");
    if (m->nconflicts == 0)
        raw(o, "No conflicts between sources.\n");
    md_conflict_list(o, m, m->conflicts, m->nconflicts);
    if (m->nupdates) {
        raw(o, "\n### Revised figures\n\n");
        md_conflict_list(o, m, m->updates, m->nupdates);
    }
}

static void md_events(out *o, model *m)
{
    raw(o, "\n## Events\n\n");
    if (m->nevents == 0)
        raw(o, "No events.\n");
    for (size_t i = 0; i < m->nevents; i++) {
        json_t *e = m->events[i];
        raw(o, "- ");
        put_event_date(o, e);
        raw(o, " \xE2\x80\x94 ");
        put_event_type(o, e);
        raw(o, " \xE2\x80\x94 ");
        put_location(o, json_object_get(e, "location"));
        if (json_array_size(json_object_get(e, "actors"))) {
            raw(o, " \xE2\x80\x94 ");
            put_strings(o, json_object_get(e, "actors"));
        }
        bool f = false;
        if (json_is_object(json_object_get(e, "fatalities"))) {
            raw(o, " \xE2\x80\x94 ");
            f = put_toll(o, json_object_get(e, "fatalities"), "killed");
        }
        if (json_is_object(json_object_get(e, "injured"))) {
            raw(o, f ? ", " : " \xE2\x80\x94 ");
            put_toll(o, json_object_get(e, "injured"), "injured");
        }
        raw(o, " (");
        text(o, id_of(e));
        raw(o, ")\n");
        md_quote(o, e, "  ");
    }
}

/* "attacks — Islamic State — Syria, Iraq": what a trend follows. */
static void put_trend_title(out *o, json_t *t, const char *sep)
{
    text(o, str(t, "measure") ? str(t, "measure") : "figure");
    if (str(t, "actor")) {
        raw(o, sep);
        text(o, str(t, "actor"));
    }
    json_t *places = json_object_get(t, "places");
    if (json_array_size(places)) {
        raw(o, sep);
        put_places(o, places);
    }
}

static void put_number(out *o, json_t *rec, const char *key)
{
    double v;
    char b[40];
    if (num(rec, key, &v)) {
        fmt_num(b, sizeof b, v);
        raw(o, b);
    } else {
        raw(o, "?");
    }
}

/* The check of a trend: "“is expected to double”: confirmed". */
static void put_check(out *o, json_t *check)
{
    raw(o, "\xE2\x80\x9C");
    text(o, str(check, "statement") ? str(check, "statement") : "?");
    raw(o, "\xE2\x80\x9D: ");
    text(o, str(check, "verdict") ? str(check, "verdict") : "no verdict");
}

static void md_trends(out *o, model *m)
{
    raw(o, "\n## Trends\n\n");
    if (m->ntrends == 0)
        raw(o, "No trends.\n");
    for (size_t i = 0; i < m->ntrends; i++) {
        json_t *t = m->trends[i], *points = json_object_get(t, "points");
        raw(o, "- **");
        put_trend_title(o, t, " \xE2\x80\x94 ");
        raw(o, "**\n");
        for (size_t k = 0; k < json_array_size(points); k++) {
            json_t *p = json_array_get(points, k);
            raw(o, "  - ");
            if (!put_period(o, json_object_get(p, "period")))
                raw(o, "period unknown");
            raw(o, ": ");
            put_number(o, p, "value");
            if (str(p, "claim")) {
                raw(o, " (");
                text(o, str(p, "claim"));
                raw(o, ")");
            }
            raw(o, "\n");
        }
        json_t *proj = json_object_get(t, "projection");
        if (json_is_object(proj)) {
            raw(o, "  - projection ");
            if (!put_period(o, json_object_get(proj, "period")))
                raw(o, "(period unknown)");
            raw(o, ": ");
            put_number(o, proj, "value");
            if (str(proj, "basis")) {
                raw(o, " (");
                text(o, str(proj, "basis"));
                raw(o, ")");
            }
            raw(o, "\n");
        }
        double r;
        if (num(t, "ratio", &r))
            rawf(o, "  - ratio to the previous period: %.2f\n", r);
        json_t *check = json_object_get(t, "check");
        if (json_is_object(check)) {
            raw(o, "  - check: ");
            put_check(o, check);
            raw(o, "\n");
        }
    }
}

sitrep_status sr_render_markdown(json_t *const *recs, size_t n, sitrep_write_fn write, void *ctx)
{
    if (write == NULL || (recs == NULL && n > 0))
        return SITREP_EARG;
    model m;
    sitrep_status st = model_init(&m, recs, n);
    if (st != SITREP_OK)
        return st;
    out o = {.write = write, .ctx = ctx, .status = SITREP_OK, .mode = ESC_MD};
    sr_buf_init(&o.buf, m.mem);
    raw(&o, "# Situation report\n\n");
    put_summary(&o, &m);
    raw(&o, "\n");
    md_stories(&o, &m);
    md_claims(&o, &m);
    md_conflicts(&o, &m);
    md_events(&o, &m);
    md_trends(&o, &m);
    flush(&o);
    sr_buf_free(&o.buf);
    model_free(&m);
    return o.status;
}

/* ==== HTML ==== */

static const char STYLE[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
    "color:#1d232a;background:#fbfbfa;margin:0 auto;max-width:68rem;padding:1rem 1.5rem 3rem}"
    "h1{font-size:1.6rem;margin:.6rem 0 .2rem}h2{font-size:1.25rem;border-bottom:2px solid #d5d8dc;"
    "padding-bottom:.2rem;margin-top:2.2rem}h3{font-size:1.02rem;margin:.2rem 0}"
    "nav a{margin-right:1rem}a{color:#1f5f99}.summary{color:#3b4450}"
    "article{background:#fff;border:1px solid #e1e4e8;border-radius:4px;padding:.6rem .9rem;"
    "margin:.6rem 0}.meta,.docs,.note,.empty,cite,.bytes{color:#59636e;font-size:.9rem}"
    ".docs{margin:.3rem 0 0;padding-left:1.2rem}.doc-id,.rid{font-family:ui-monospace,Menlo,"
    "Consolas,monospace;font-size:.82rem;color:#59636e}"
    ".value{font-variant-numeric:tabular-nums}.status{display:inline-block;padding:0 .45rem;"
    "border-radius:3px;font-size:.8rem;background:#eceff1;color:#37474f}"
    ".status.corroborated{background:#e3f1e5;color:#1e5a2a}.status.contested{background:#fbe7d6;"
    "color:#8a3b00}.outlets{font-weight:600}details{margin-top:.35rem}summary{cursor:pointer;"
    "color:#1f5f99;font-size:.9rem}blockquote{margin:.35rem 0 .1rem;padding:.1rem .7rem;"
    "border-left:3px solid #c9d1d9;color:#2f363d}ol.quotes{padding-left:1.3rem}"
    ".conflict{border-left:4px solid #c76b1f}.reason{font-weight:600}"
    "ol.events{padding-left:1.4rem}li.event{margin:.45rem 0}li.event:target,article:target"
    "{outline:2px solid #f0b429}.toll{color:#8b1a1a;font-weight:600}"
    "svg{display:block;max-width:100%;height:auto;margin:.6rem 0;font:11px system-ui,sans-serif}"
    ".map .sea{fill:#eef3f7}.map .country{fill:#e2e0d8;stroke:#9a978d;stroke-width:.5;"
    "fill-rule:evenodd}.map .graticule{fill:none;stroke:#d3dde6;stroke-width:.5}"
    ".map .dot{fill:#c0392b;fill-opacity:.85;stroke:#fff;stroke-width:1}.map .note{fill:#59636e}"
    ".timeline .lane{fill:#f3f4f6}.timeline .tick{stroke:#c9ced4}.timeline text{fill:#3b4450}"
    ".timeline rect.ev{fill-opacity:.8}.t0{fill:#b03a2e}.t1{fill:#d68910}.t2{fill:#7d3c98}"
    ".t3{fill:#2874a6}.t4{fill:#1e8449}.t5{fill:#566573}.t6{fill:#839192}"
    ".trend-chart .bar{fill:#3b6e99}.trend-chart .projection{fill:#dbe7f1;stroke:#3b6e99;"
    "stroke-width:1.5;stroke-dasharray:5 3}.trend-chart .grid{stroke:#e1e4e8}"
    ".trend-chart text{fill:#3b4450}.trend-chart text.verdict{font-weight:600}.verdict{font-weight:600}.verdict.confirmed{color:#1e5a2a}"
    ".verdict.contradicted{color:#8a3b00}table{border-collapse:collapse;font-size:.9rem}"
    "td,th{border-bottom:1px solid #e1e4e8;padding:.15rem .6rem;text-align:left}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}footer{margin-top:2.5rem;"
    "color:#59636e;font-size:.85rem}";

/* True when s is a short lower-case word, safe to use as a class name. */
static bool is_word(const char *s)
{
    if (s == NULL || *s == '\0')
        return false;
    size_t i = 0;
    for (; s[i]; i++)
        if (i >= 32 || !((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
            return false;
    return true;
}

/* An attribute pair id="prefix-ID" (the id escaped like any text). */
static void put_anchor(out *o, const char *prefix, const char *id)
{
    raw(o, " id=\"");
    raw(o, prefix);
    text(o, id);
    raw(o, "\"");
}

/* <a href="#prefix-ID">label</a>, label escaped. */
static void put_link(out *o, const char *prefix, const char *id, const char *label)
{
    raw(o, "<a href=\"#");
    raw(o, prefix);
    text(o, id);
    raw(o, "\">");
    text(o, label);
    raw(o, "</a>");
}

/* Every quote of a record's sources, folded in a <details>. */
static void html_quotes(out *o, json_t *rec)
{
    json_t *sources = json_object_get(rec, "sources");
    size_t n = json_array_size(sources);
    if (n == 0)
        return;
    size_t nd = json_array_size(json_object_get(rec, "documents"));
    rawf(o, "<details class=\"quotes\"><summary>%zu %s", n, plural(n, "quote", "quotes"));
    if (nd)
        rawf(o, " from %zu %s", nd, plural(nd, "document", "documents"));
    raw(o, "</summary>\n<ol class=\"quotes\">\n");
    for (size_t i = 0; i < n; i++) {
        json_t *sp = json_array_get(sources, i);
        raw(o, "<li><blockquote>");
        quote_text(o, str(sp, "quote") ? str(sp, "quote") : "(no quote)", 0);
        raw(o, "</blockquote><cite>");
        if (str(sp, "doc"))
            put_link(o, "doc-", str(sp, "doc"), str(sp, "doc"));
        double a, b;
        if (num(sp, "start", &a) && num(sp, "end", &b))
            rawf(o, " <span class=\"bytes\">bytes %.0f\xE2\x80\x93%.0f</span>", a, b);
        raw(o, "</cite></li>\n");
    }
    raw(o, "</ol></details>\n");
}

static void html_head(out *o, model *m)
{
    raw(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<title>Situation report");
    const char *first, *last;
    if (date_range(m, &first, &last)) {
        raw(o, ", ");
        text_n(o, first, strnlen(first, 10));
        if (strncmp(first, last, 10) != 0) {
            raw(o, " to ");
            text_n(o, last, strnlen(last, 10));
        }
    }
    raw(o, "</title>\n<style>");
    raw(o, STYLE);
    raw(o, "</style>\n</head>\n<body>\n<header>\n<h1>Situation report</h1>\n<p class=\"summary\">");
    put_summary(o, m);
    raw(o, "</p>\n<nav><a href=\"#stories\">Stories</a><a href=\"#claims\">Key figures</a>"
           "<a href=\"#conflicts\">Conflicts</a><a href=\"#events\">Events</a>"
           "<a href=\"#trends\">Trends</a></nav>\n</header>\n");
}

/* One document of a story: id, title, outlet, date, byline, link. */
static void html_doc(out *o, json_t *d, const char *id)
{
    raw(o, "<li");
    put_anchor(o, "doc-", id);
    raw(o, "><span class=\"doc-id\">");
    text(o, id);
    raw(o, "</span> ");
    if (d == NULL) {
        raw(o, "(no document record)</li>\n");
        return;
    }
    text(o, str(d, "title") ? str(d, "title") : "(untitled)");
    if (str(d, "outlet")) {
        raw(o, " \xE2\x80\x94 ");
        text(o, str(d, "outlet"));
    }
    if (str(d, "published")) {
        raw(o, " \xE2\x80\x94 ");
        text(o, str(d, "published"));
    } else if (str(d, "published_inferred")) {
        raw(o, " \xE2\x80\x94 about ");
        text(o, str(d, "published_inferred"));
    }
    if (json_array_size(json_object_get(d, "byline"))) {
        raw(o, " \xE2\x80\x94 by ");
        put_strings(o, json_object_get(d, "byline"));
    }
    const char *url = str(d, "url");
    if (url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0)) {
        raw(o, " \xE2\x80\x94 <a rel=\"noreferrer\" href=\"");
        text(o, url); /* only http(s): a javascript: URL never becomes a link */
        raw(o, "\">link</a>");
    }
    if (str(d, "duplicate_of")) {
        raw(o, " \xE2\x80\x94 copy of ");
        text(o, str(d, "duplicate_of"));
    }
    raw(o, "</li>\n");
}

static void html_story(out *o, model *m, json_t *s)
{
    json_t *docs = json_object_get(s, "documents");
    size_t nd = json_array_size(docs);
    raw(o, "<article class=\"story\"");
    put_anchor(o, "story-", id_of(s));
    raw(o, ">\n<h3>");
    text(o, str(s, "title") ? str(s, "title") : "(untitled story)");
    rawf(o, "</h3>\n<p class=\"meta\">%zu %s", nd, plural(nd, "article", "articles"));
    story_outlets_days(o, m, s, docs, " \xC2\xB7 ", " to ");
    raw(o, " \xC2\xB7 <span class=\"rid\">");
    text(o, id_of(s));
    raw(o, "</span></p>\n<ul class=\"docs\">\n");
    for (size_t i = 0; i < nd; i++) {
        const char *id = json_string_value(json_array_get(docs, i));
        if (id)
            html_doc(o, find(m->doc_ids, m->ndocs, id), id);
    }
    raw(o, "</ul>\n</article>\n");
}

static void html_stories(out *o, model *m)
{
    raw(o, "<section id=\"stories\">\n<h2>Stories</h2>\n");
    if (m->nstories == 0)
        raw(o, "<p class=\"empty\">No stories.</p>\n");
    for (size_t i = 0; i < m->nstories; i++)
        html_story(o, m, m->stories[i]);
    /* documents no story holds still get their entry: quotes link there */
    bool open = false;
    for (size_t i = 0; i < m->ndocs; i++) {
        json_t *d = m->docs[i];
        json_t *s = find(m->story_ids, m->nstories, str(d, "story"));
        bool listed = false;
        json_t *ids = json_object_get(s, "documents");
        for (size_t k = 0; k < json_array_size(ids) && !listed; k++)
            listed = json_string_value(json_array_get(ids, k)) &&
                     strcmp(json_string_value(json_array_get(ids, k)), id_of(d)) == 0;
        if (listed)
            continue;
        if (!open)
            raw(o, "<article class=\"story\">\n<h3>Documents outside the stories</h3>\n"
                   "<ul class=\"docs\">\n");
        open = true;
        html_doc(o, d, id_of(d));
    }
    if (open)
        raw(o, "</ul>\n</article>\n");
    raw(o, "</section>\n");
}

/* The status of a claim as a badge. */
static void put_status(out *o, const char *status)
{
    if (status == NULL)
        return;
    raw(o, " <span class=\"status");
    if (is_word(status)) {
        raw(o, " ");
        raw(o, status); /* a checked lower-case word */
    }
    raw(o, "\">");
    text(o, status);
    raw(o, "</span>");
}

/* One key figure: the figure, its outlets and status on the heading line,
 * what it covers and who says it below, then every quote. */
static void html_claim(out *o, model *m, json_t *c)
{
    const char *status = str(c, "status");
    raw(o, "<article class=\"claim");
    if (is_word(status)) {
        raw(o, " status-");
        raw(o, status);
    }
    raw(o, "\"");
    put_anchor(o, "claim-", id_of(c));
    char v[128];
    fmt_value(v, sizeof v, json_object_get(c, "value"), str(c, "qualifier"), str(c, "measure"));
    raw(o, ">\n<h3><span class=\"value\">");
    raw(o, v);
    raw(o, "</span>");
    if (measure_words(c)) {
        raw(o, " <span class=\"measure\">");
        text(o, measure_words(c));
        raw(o, "</span>");
    }
    raw(o, " \xC2\xB7 <span class=\"outlets\">");
    if (!put_outlets(o, c))
        raw(o, "outlets unknown");
    raw(o, "</span>");
    put_status(o, status);
    raw(o, "</h3>\n<p class=\"meta\">");
    if (str(c, "actor")) {
        raw(o, "<span class=\"actor\">");
        text(o, str(c, "actor"));
        raw(o, "</span> \xC2\xB7 ");
    }
    json_t *places = json_object_get(c, "places");
    if (json_array_size(places)) {
        raw(o, "<span class=\"places\">");
        if (!put_places(o, places))
            raw(o, "places unknown");
        raw(o, "</span> \xC2\xB7 ");
    }
    json_t *period = json_object_get(c, "period");
    if (str(period, "start") || str(period, "end")) {
        raw(o, "<span class=\"period\">");
        put_period(o, period);
        raw(o, "</span> \xC2\xB7 ");
    }
    raw(o, "<span class=\"source\">");
    if (str(c, "attributed_to")) {
        raw(o, "per ");
        text(o, str(c, "attributed_to"));
    } else {
        raw(o, "source not named");
    }
    raw(o, "</span> \xC2\xB7 <span class=\"rid\">");
    text(o, id_of(c));
    raw(o, "</span>");
    json_t *k = conflict_of(m, id_of(c));
    if (k) {
        raw(o, " \xE2\x80\x94 ");
        put_link(o, "conflict-", id_of(k), "see the conflict");
    }
    raw(o, "</p>\n");
    html_quotes(o, c);
    raw(o, "</article>\n");
}

static void html_claims(out *o, model *m)
{
    raw(o, "<section id=\"claims\">\n<h2>Key figures</h2>\n");
    if (m->nclaims == 0)
        raw(o, "<p class=\"empty\">No figures.</p>\n");
    for (size_t i = 0; i < m->nclaims; i++)
        html_claim(o, m, m->claims[i]);
    raw(o, "</section>\n");
}

static void html_conflict_list(out *o, model *m, json_t **list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        json_t *k = list[i];
        raw(o, "<article class=\"conflict\"");
        put_anchor(o, "conflict-", id_of(k));
        raw(o, ">\n<p class=\"reason\">");
        text(o, str(k, "reason") ? str(k, "reason") : "(no reason given)");
        raw(o, "</p>\n<ul>\n");
        json_t *ids = json_object_get(k, "claims");
        for (size_t j = 0; j < json_array_size(ids); j++) {
            const char *id = json_string_value(json_array_get(ids, j));
            if (id == NULL)
                continue;
            json_t *c = find(m->claim_ids, m->nclaims, id);
            raw(o, "<li>");
            if (c == NULL) {
                text(o, id);
                raw(o, " (not among the figures)</li>\n");
                continue;
            }
            raw(o, "<a href=\"#claim-");
            text(o, id);
            raw(o, "\">");
            put_figure(o, c);
            raw(o, "</a>");
            put_claim_context(o, c, " \xC2\xB7 ");
            raw(o, " \xC2\xB7 ");
            if (!put_outlets(o, c))
                raw(o, "outlets unknown");
            raw(o, "</li>\n");
        }
        json_t *evs = json_object_get(k, "events");
        for (size_t j = 0; j < json_array_size(evs); j++) {
            const char *id = json_string_value(json_array_get(evs, j));
            if (id) {
                raw(o, "<li>event ");
                put_link(o, "event-", id, id);
                raw(o, "</li>\n");
            }
        }
        raw(o, "</ul>\n<p class=\"meta rid\">");
        text(o, id_of(k));
        raw(o, "</p>\n</article>\n");
    }
}

static void html_conflicts(out *o, model *m)
{
    raw(o, "<section id=\"conflicts\">\n<h2>Conflicts</h2>\n");
    if (m->nconflicts == 0)
        raw(o, "<p class=\"empty\">No conflicts between sources.</p>\n");
    html_conflict_list(o, m, m->conflicts, m->nconflicts);
    if (m->nupdates) {
        raw(o, "<h3>Revised figures</h3>\n");
        html_conflict_list(o, m, m->updates, m->nupdates);
    }
    raw(o, "</section>\n");
}

/* ---- the timeline ---- */

static const char *const EVENT_TYPES[] = {
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
    "Riots", "Strategic developments", "Other",
};
#define NTYPES 7

static int type_lane(json_t *e)
{
    const char *t = str(e, "event_type");
    for (int k = 0; t && k < NTYPES - 1; k++)
        if (strcmp(t, EVENT_TYPES[k]) == 0)
            return k;
    return NTYPES - 1;
}

/* The days an event covers, [*a, *b] inclusive; false when undated. */
static bool event_days(json_t *e, long *a, long *b)
{
    json_t *date = json_object_get(e, "date");
    bool ha = parse_day(str(date, "start"), a), hb = parse_day(str(date, "end"), b);
    if (!ha && !hb)
        return false;
    if (!ha)
        *a = *b;
    if (!hb || *b < *a)
        *b = *a;
    return true;
}

typedef struct axis {
    long d0, d1;      /* the first and the day after the last shown */
    double x0, width; /* pixels */
} axis;

static double ax(const axis *a, long day)
{
    return a->x0 + (double)(day - a->d0) / (double)(a->d1 - a->d0) * a->width;
}

/* Tick marks and labels: years, months or days, ten labels at the most. */
static void put_ticks(out *o, const axis *a, int top, int bottom)
{
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    long span = a->d1 - a->d0, y;
    unsigned m, d;
    civil_from_days(a->d0, &y, &m, &d);
    if (span > 3 * 365) {
        long y1;
        civil_from_days(a->d1, &y1, &m, &d);
        long every = (y1 - y) / 10 + 1;
        for (long yy = y + 1; yy <= y1; yy++) {
            long day = days_from_civil(yy, 1, 1);
            if (day >= a->d1 || yy % every)
                continue;
            double x = ax(a, day);
            rawf(o, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                    "<text x=\"%.1f\" y=\"%d\">%ld</text>\n", x, top, x, bottom, x + 3, bottom + 12, yy);
        }
    } else if (span > 62) {
        long months = span / 30 + 1, every = months / 10 + 1, k = 0;
        for (long yy = y, mm = m;; k++) {
            if (++mm > 12)
                mm = 1, yy++;
            long day = days_from_civil(yy, (unsigned)mm, 1);
            if (day >= a->d1)
                break;
            if (k % every)
                continue;
            double x = ax(a, day);
            rawf(o, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                    "<text x=\"%.1f\" y=\"%d\">%s %ld</text>\n", x, top, x, bottom, x + 3, bottom + 12,
                 mon[mm - 1], yy);
        }
    } else {
        long every = span / 8 + 1;
        for (long day = a->d0 + 1; day < a->d1; day++) {
            if ((day - a->d0) % every)
                continue;
            long yy;
            civil_from_days(day, &yy, &m, &d);
            double x = ax(a, day);
            rawf(o, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                    "<text x=\"%.1f\" y=\"%d\">%u %s</text>\n", x, top, x, bottom, x + 3, bottom + 12,
                 d, mon[m - 1]);
        }
    }
}

/* One event on the timeline: a bar over its days, linking to its entry. */
static void put_timeline_event(out *o, const axis *a, json_t *e, long s, long t, int y)
{
    double x = ax(a, s), w = ax(a, t + 1) - x;
    if (w < 4)
        x -= (4 - w) / 2, w = 4; /* a day is still visible */
    raw(o, "<a href=\"#event-");
    text(o, id_of(e));
    rawf(o, "\"><rect class=\"ev t%d\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" rx=\"2\">"
            "<title>", type_lane(e), x, y, w);
    put_event_date(o, e);
    raw(o, " \xE2\x80\x94 ");
    put_event_type(o, e);
    raw(o, " \xE2\x80\x94 ");
    put_location(o, json_object_get(e, "location"));
    raw(o, "</title></rect></a>\n");
}

static void html_timeline(out *o, model *m)
{
    long d0 = 0, d1 = 0, s, t;
    size_t dated = 0;
    bool lane_used[NTYPES] = {false};
    for (size_t i = 0; i < m->nevents; i++)
        if (event_days(m->events[i], &s, &t)) {
            d0 = dated == 0 || s < d0 ? s : d0;
            d1 = dated == 0 || t > d1 ? t : d1;
            lane_used[type_lane(m->events[i])] = true;
            dated++;
        }
    if (dated == 0) {
        raw(o, "<p class=\"note\">No event has a date: no timeline.</p>\n");
        return;
    }
    int lane_y[NTYPES], nlanes = 0;
    for (int k = 0; k < NTYPES; k++)
        lane_y[k] = lane_used[k] ? 8 + 24 * nlanes++ : -1;
    long pad = (d1 - d0) / 30 + 3;
    axis a = {d0 - pad, d1 + 1 + pad, 190.0, 960.0 - 190.0 - 12.0};
    int bottom = 8 + 24 * nlanes, height = bottom + 22;
    rawf(o, "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 960 %d\" "
            "width=\"960\" height=\"%d\" role=\"img\" aria-label=\"Timeline of %zu dated events\">\n",
         height, height, dated);
    for (int k = 0; k < NTYPES; k++)
        if (lane_y[k] >= 0)
            rawf(o, "<rect class=\"lane\" x=\"0\" y=\"%d\" width=\"960\" height=\"20\"/>"
                    "<text x=\"4\" y=\"%d\">%s</text>\n", lane_y[k] - 3, lane_y[k] + 11, EVENT_TYPES[k]);
    put_ticks(o, &a, 4, bottom);
    for (size_t i = 0; i < m->nevents; i++)
        if (event_days(m->events[i], &s, &t))
            put_timeline_event(o, &a, m->events[i], s, t, lane_y[type_lane(m->events[i])]);
    raw(o, "</svg>\n");
    if (dated < m->nevents)
        rawf(o, "<p class=\"note\">%zu %s without a date %s not on the timeline.</p>\n",
             m->nevents - dated, plural(m->nevents - dated, "event", "events"),
             plural(m->nevents - dated, "is", "are"));
}

/* ---- the map ---- */

/* s1 s2 s3 joined in the arena; NULL when out of memory. */
static char *join3(sr_arena *ar, const char *s1, const char *s2, const char *s3)
{
    size_t a = strlen(s1), b = strlen(s2), c = strlen(s3);
    char *p = sr_arena_alloc(ar, a + b + c + 1);
    if (p) {
        memcpy(p, s1, a);
        memcpy(p + a, s2, b);
        memcpy(p + a + b, s3, c + 1);
    }
    return p;
}

/* The map's dots: every event with coordinates, its label and link made
 * in the arena.  Returns how many, or (size_t)-1 when out of memory. */
static size_t map_points(model *m, sr_arena *ar, sr_map_point *pts)
{
    size_t k = 0;
    for (size_t i = 0; i < m->nevents; i++) {
        json_t *e = m->events[i], *loc = json_object_get(e, "location");
        double lat, lon;
        if (!num(loc, "lat", &lat) || !num(loc, "lon", &lon) || fabs(lat) > 90 || fabs(lon) > 180)
            continue;
        const char *name = str(loc, "name"), *date = str(json_object_get(e, "date"), "start");
        const char *type = str(e, "event_type");
        char *head = join3(ar, name ? name : "?", " \xE2\x80\x94 ", date ? date : "undated");
        char *label = head ? join3(ar, head, " \xE2\x80\x94 ", type ? type : "event") : NULL;
        char *href = join3(ar, "#event-", id_of(e), "");
        if (label == NULL || href == NULL)
            return (size_t)-1;
        double w = 0;
        num(json_object_get(e, "fatalities"), "low", &w);
        pts[k++] = (sr_map_point){lat, lon, label, href, w};
    }
    return k;
}

static sitrep_status html_map(out *o, model *m)
{
    sr_map_point *pts = m->mem->calloc(m->nevents + 1, sizeof *pts);
    if (pts == NULL)
        return SITREP_ENOMEM;
    sr_arena ar;
    sr_arena_init(&ar, m->mem, 4096);
    size_t k = map_points(m, &ar, pts);
    sitrep_status st = SITREP_OK;
    if (k == (size_t)-1) {
        st = SITREP_ENOMEM;
    } else if (k == 0) {
        raw(o, "<p class=\"note\">No event has coordinates: no map.</p>\n");
    } else {
        flush(o); /* the map writes straight through */
        if (o->status == SITREP_OK)
            st = sr_render_map(pts, k, 960, 540, o->write, o->ctx);
        if (k < m->nevents)
            rawf(o, "<p class=\"note\">%zu %s without coordinates %s not on the map.</p>\n",
                 m->nevents - k, plural(m->nevents - k, "event", "events"),
                 plural(m->nevents - k, "is", "are"));
    }
    sr_arena_free(&ar);
    m->mem->free(pts);
    return st;
}

static void html_event(out *o, json_t *e)
{
    raw(o, "<li class=\"event\"");
    put_anchor(o, "event-", id_of(e));
    raw(o, "><strong>");
    put_event_date(o, e);
    raw(o, "</strong> \xE2\x80\x94 ");
    put_event_type(o, e);
    raw(o, " \xE2\x80\x94 ");
    put_location(o, json_object_get(e, "location"));
    if (json_array_size(json_object_get(e, "actors"))) {
        raw(o, " \xE2\x80\x94 ");
        put_strings(o, json_object_get(e, "actors"));
    }
    json_t *f = json_object_get(e, "fatalities"), *inj = json_object_get(e, "injured");
    if (json_is_object(f) || json_is_object(inj)) {
        raw(o, " \xE2\x80\x94 <span class=\"toll\">");
        bool any = put_toll(o, f, "killed");
        if (json_is_object(inj)) {
            raw(o, any ? ", " : "");
            put_toll(o, inj, "injured");
        }
        raw(o, "</span>");
    }
    raw(o, " <span class=\"rid\">");
    text(o, id_of(e));
    raw(o, "</span>\n");
    html_quotes(o, e);
    raw(o, "</li>\n");
}

static sitrep_status html_events(out *o, model *m)
{
    raw(o, "<section id=\"events\">\n<h2>Events</h2>\n");
    sitrep_status st = SITREP_OK;
    if (m->nevents == 0) {
        raw(o, "<p class=\"empty\">No events.</p>\n");
    } else {
        html_timeline(o, m);
        st = html_map(o, m);
        raw(o, "<ol class=\"events\">\n");
        for (size_t i = 0; i < m->nevents; i++)
            html_event(o, m->events[i]);
        raw(o, "</ol>\n");
    }
    raw(o, "</section>\n");
    return st;
}

/* ---- trends ---- */

/* A short label for a period: "2023", "Jan–Jun 2024", "2024-01-01..07-17". */
static void period_label(char *buf, size_t size, json_t *period)
{
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    long a, b, ya, yb, yn;
    unsigned ma, da, mb, db, mn, dn;
    const char *sa = str(period, "start"), *sb = str(period, "end");
    if (!parse_day(sa, &a) || !parse_day(sb, &b) || strlen(sa) < 10 || strlen(sb) < 10) {
        snprintf(buf, size, "?");
        return;
    }
    civil_from_days(a, &ya, &ma, &da);
    civil_from_days(b, &yb, &mb, &db);
    civil_from_days(b + 1, &yn, &mn, &dn); /* the day after: is b a month's last? */
    if (da == 1 && dn == 1 && ya == yb) {
        if (ma == 1 && mb == 12)
            snprintf(buf, size, "%ld", ya);
        else if (ma == mb)
            snprintf(buf, size, "%s %ld", mon[ma - 1], ya);
        else
            snprintf(buf, size, "%s\xE2\x80\x93%s %ld", mon[ma - 1], mon[mb - 1], ya);
    } else if (ya == yb) {
        snprintf(buf, size, "%ld-%02u-%02u..%02u-%02u", ya, ma, da, mb, db);
    } else {
        snprintf(buf, size, "%ld-%02u-%02u..%ld-%02u-%02u", ya, ma, da, yb, mb, db);
    }
}

/* A round number at or above v for the top of a chart's scale. */
static double nice_ceil(double v)
{
    if (!(v > 0))
        return 1;
    double p = pow(10, floor(log10(v)));
    static const double steps[] = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (steps[i] * p >= v)
            return steps[i] * p;
    return 10 * p;
}

/* One bar of a trend chart with its value above and its period below. */
static void put_bar(out *o, double x, double w, double top, double base, double v,
                    const char *period, bool projection)
{
    char val[40];
    fmt_num(val, sizeof val, v);
    rawf(o, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>",
         projection ? "bar projection" : "bar", x, top, w, base - top);
    raw(o, projection ? "projected, " : "");
    text(o, period);
    raw(o, ": ");
    raw(o, val);
    rawf(o, "</title></rect>\n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x + w / 2,
         top - 4);
    raw(o, val);
    rawf(o, "</text>\n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x + w / 2, base + 14);
    text(o, period);
    raw(o, "</text>\n");
    if (projection)
        rawf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">projected</text>\n", x + w / 2,
             base + 27);
}

static void html_trend_chart(out *o, json_t *t)
{
    json_t *points = json_object_get(t, "points"), *proj = json_object_get(t, "projection");
    double pv = 0, v;
    bool has_proj = num(proj, "value", &pv);
    size_t n = json_array_size(points), bars = n + has_proj;
    double vmax = has_proj ? pv : 0;
    for (size_t i = 0; i < n; i++)
        if (num(json_array_get(points, i), "value", &v))
            vmax = fmax(vmax, v);
    if (bars == 0)
        return;
    const double W = 560, H = 250, left = 56, right = 12, top = 36, base = H - 40;
    double ymax = nice_ceil(vmax), slot = (W - left - right) / (double)bars;
    double bw = fmin(slot * 0.6, 90);
    rawf(o, "<svg class=\"trend-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
            "width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"Trend chart\">\n",
         W, H, W, H);
    for (int g = 0; g <= 4; g++) { /* the scale: five lines, labelled */
        double gy = base - (base - top) * g / 4.0;
        char lab[40];
        fmt_num(lab, sizeof lab, ymax * g / 4.0);
        rawf(o, "<line class=\"grid\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>"
                "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
             left, gy, W - right, gy, left - 6, gy + 4, lab);
    }
    char label[64];
    for (size_t i = 0; i < n; i++) {
        json_t *p = json_array_get(points, i);
        if (!num(p, "value", &v))
            continue;
        period_label(label, sizeof label, json_object_get(p, "period"));
        double x = left + slot * (double)i + (slot - bw) / 2;
        put_bar(o, x, bw, base - (base - top) * fmax(v, 0) / ymax, base, v, label, false);
    }
    if (has_proj) {
        period_label(label, sizeof label, json_object_get(proj, "period"));
        double x = left + slot * (double)n + (slot - bw) / 2;
        put_bar(o, x, bw, base - (base - top) * fmax(pv, 0) / ymax, base, pv, label, true);
    }
    json_t *check = json_object_get(t, "check");
    if (json_is_object(check)) { /* the verdict over the chart, cut to fit */
        raw(o, "<text class=\"verdict\" x=\"4\" y=\"14\">");
        raw(o, "\xE2\x80\x9C");
        text_short(o, str(check, "statement") ? str(check, "statement") : "?", 60);
        raw(o, "\xE2\x80\x9D: ");
        text_short(o, str(check, "verdict") ? str(check, "verdict") : "no verdict", 30);
        raw(o, "</text>\n");
    }
    raw(o, "</svg>\n");
}

static void html_trend(out *o, json_t *t)
{
    raw(o, "<article class=\"trend\"");
    put_anchor(o, "trend-", id_of(t));
    raw(o, ">\n<h3>");
    put_trend_title(o, t, " \xC2\xB7 ");
    raw(o, "</h3>\n");
    html_trend_chart(o, t);
    json_t *points = json_object_get(t, "points");
    raw(o, "<table><tr><th>period</th><th>value</th><th>figure</th></tr>\n");
    for (size_t k = 0; k < json_array_size(points); k++) {
        json_t *p = json_array_get(points, k);
        raw(o, "<tr><td>");
        if (!put_period(o, json_object_get(p, "period")))
            raw(o, "?");
        raw(o, "</td><td class=\"num\">");
        put_number(o, p, "value");
        raw(o, "</td><td>");
        if (str(p, "claim"))
            put_link(o, "claim-", str(p, "claim"), str(p, "claim"));
        raw(o, "</td></tr>\n");
    }
    raw(o, "</table>\n");
    json_t *proj = json_object_get(t, "projection");
    if (json_is_object(proj)) {
        raw(o, "<p class=\"projection\">Projection for ");
        if (!put_period(o, json_object_get(proj, "period")))
            raw(o, "an unknown period");
        raw(o, ": <strong>");
        put_number(o, proj, "value");
        raw(o, "</strong>");
        if (str(proj, "basis")) {
            raw(o, " (");
            text(o, str(proj, "basis"));
            raw(o, ")");
        }
        double r;
        if (num(t, "ratio", &r))
            rawf(o, "; %.2f times the previous period", r);
        raw(o, ".</p>\n");
    }
    json_t *check = json_object_get(t, "check");
    if (json_is_object(check)) {
        const char *verdict = str(check, "verdict");
        raw(o, "<p class=\"verdict");
        if (is_word(verdict)) {
            raw(o, " ");
            raw(o, verdict);
        }
        raw(o, "\">Check: ");
        put_check(o, check);
        json_t *span = json_object_get(check, "span");
        if (str(span, "doc")) {
            raw(o, " (");
            put_link(o, "doc-", str(span, "doc"), str(span, "doc"));
            raw(o, ")");
        }
        raw(o, "</p>\n");
        if (str(span, "quote")) {
            raw(o, "<blockquote>");
            quote_text(o, str(span, "quote"), 0);
            raw(o, "</blockquote>\n");
        }
    }
    raw(o, "</article>\n");
}

static void html_trends(out *o, model *m)
{
    raw(o, "<section id=\"trends\">\n<h2>Trends</h2>\n");
    if (m->ntrends == 0)
        raw(o, "<p class=\"empty\">No trends.</p>\n");
    for (size_t i = 0; i < m->ntrends; i++)
        html_trend(o, m->trends[i]);
    raw(o, "</section>\n");
}

sitrep_status sr_render_html(json_t *const *recs, size_t n, sitrep_write_fn write, void *ctx)
{
    if (write == NULL || (recs == NULL && n > 0))
        return SITREP_EARG;
    model m;
    sitrep_status st = model_init(&m, recs, n);
    if (st != SITREP_OK)
        return st;
    out o = {.write = write, .ctx = ctx, .status = SITREP_OK, .mode = ESC_HTML};
    sr_buf_init(&o.buf, m.mem);
    html_head(&o, &m);
    raw(&o, "<main>\n");
    html_stories(&o, &m);
    html_claims(&o, &m);
    html_conflicts(&o, &m);
    st = html_events(&o, &m);
    if (st != SITREP_OK && o.status == SITREP_OK)
        o.status = st;
    html_trends(&o, &m);
    rawf(&o, "</main>\n<footer>Made by sitrep %s from %zu records. Every figure links to the words "
             "that state it.</footer>\n</body>\n</html>\n", sitrep_version(), n);
    flush(&o);
    sr_buf_free(&o.buf);
    model_free(&m);
    return o.status;
}
