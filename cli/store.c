/*
 * store.c -- the commands over a sitrep database (sitrep_store):
 *
 *   sitrep ingest DB [--batch N] [--max-bytes N] PATH...
 *   sitrep claims|events|stories DB [--actor A] [--place P] [--since D]
 *                                   [--until D] [--status S] [--json]
 *   sitrep report DB [--since D] [--until D] [--top N] [--html FILE]
 *   sitrep export DB --format jsonl|csv|geojson
 *   sitrep prune DB --before YYYY-MM-DD
 */
#include "cli.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Opens the database: to add to it (created when missing) or to read it
 * only (queries, report, export: nothing created or changed, so a
 * missing or mistyped path is an error, and a user without write access
 * can read). */
static int open_store(const char *path, bool write, sitrep_store **s)
{
    sitrep_status st = write ? sitrep_store_open(path, NULL, s) : sitrep_store_open_read(path, NULL, s);
    if (st != SITREP_OK) {
        fprintf(stderr, "sitrep: %s: %s\n", path, *s ? sitrep_store_message(*s) : sitrep_strerror(st));
        sitrep_store_close(*s);
        *s = NULL;
        return 2;
    }
    return 0;
}

/* A failure of the store while ingesting: what failed, and what of the
 * input was stored (committed batches) and what was not (the open one). */
static void ingest_failed(const char *db, sitrep_store *s, size_t lost, size_t stored, size_t batches)
{
    fprintf(stderr, "sitrep: %s: %s\n", db, sitrep_store_message(s));
    fprintf(stderr, "sitrep: %s: the open batch of %zu article(s) was not stored; %zu article(s) of this run "
                    "were stored before it, in %zu batch(es)\n",
            db, lost, stored, batches);
}

/* ---- ingest ---- */

typedef struct ingest_ctx {
    sitrep_store *store;
    size_t known;
} ingest_ctx;

/* The reader asks before analysing an input: one the store holds with the
 * same bytes is passed by (it would change nothing), so ingesting the
 * same articles again costs only reading and hashing them. */
static bool want_article(const char *id, const char *bytes, size_t len, void *vctx)
{
    ingest_ctx *k = vctx;
    if (sitrep_store_has(k->store, id, bytes, len)) {
        k->known++;
        return false;
    }
    return true;
}

int cmd_ingest(int argc, char **argv)
{
    sitrep_options opts;
    sitrep_options_init(&opts);
    size_t batch = 1000;
    int i = 0;
    const char *db = NULL;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--batch") == 0 && i + 1 < argc) {
            char *end;
            unsigned long v = strtoul(argv[++i], &end, 10);
            if (*end || v == 0) {
                fprintf(stderr, "sitrep: --batch needs a positive number\n");
                return 2;
            }
            batch = v;
        } else if (strcmp(argv[i], "--max-bytes") == 0 && i + 1 < argc) {
            char *end;
            unsigned long long v = strtoull(argv[++i], &end, 10);
            if (*end || v == 0) {
                fprintf(stderr, "sitrep: --max-bytes needs a positive number\n");
                return 2;
            }
            opts.max_input_bytes = (size_t)v;
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "sitrep: unknown option %s\n", argv[i]);
            return 2;
        } else if (!db) {
            db = argv[i];
        } else {
            break;
        }
    }
    if (!db || i >= argc) {
        fprintf(stderr, "usage: sitrep ingest DB [--batch N] [--max-bytes N] PATH...\n");
        return 2;
    }
    sitrep_store *s;
    if (open_store(db, true, &s))
        return 2;
    ingest_ctx want = {s, 0};
    opts.want = want_article;
    opts.want_ctx = &want;
    sitrep_reader *r;
    if (sitrep_reader_new(&opts, &r) != SITREP_OK) {
        sitrep_store_close(s);
        fprintf(stderr, "sitrep: out of memory\n");
        return 2;
    }
    for (; i < argc; i++)
        sitrep_reader_add(r, argv[i]);
    bool tty = isatty(STDERR_FILENO);
    /* added: in committed batches; in_batch: added to the open one */
    size_t read = 0, added = 0, known = 0, taken = 0, in_batch = 0, batches = 0, lost = 0;
    int rc = 0;
    for (;;) {
        sitrep_doc *doc;
        sitrep_status st = sitrep_reader_next(r, &doc);
        if (st == SITREP_DONE)
            break;
        if (st != SITREP_OK) {
            fprintf(stderr, "%ssitrep: %s\n", tty ? "\r\033[K" : "", sitrep_reader_message(r));
            if (st == SITREP_ENOMEM) {
                rc = 2;
                break;
            }
            continue;
        }
        read++;
        sitrep_store_outcome out;
        st = sitrep_store_add(s, doc, &out);
        if (st == SITREP_OK && out == SITREP_STORE_ID_TAKEN)
            fprintf(stderr, "%ssitrep: %s: another article is stored under this id; skipped\n",
                    tty ? "\r\033[K" : "", sitrep_doc_id(doc));
        sitrep_doc_free(doc);
        if (st != SITREP_OK) {
            lost = in_batch + 1; /* the batch is abandoned with this article */
            if (tty)
                fputs("\r\033[K", stderr);
            ingest_failed(db, s, lost, added, batches);
            rc = 2;
            break;
        }
        known += out == SITREP_STORE_KNOWN;
        taken += out == SITREP_STORE_ID_TAKEN;
        if (out == SITREP_STORE_ADDED && ++in_batch >= batch) {
            if ((st = sitrep_store_commit(s)) != SITREP_OK) {
                lost = in_batch;
                if (tty)
                    fputs("\r\033[K", stderr);
                ingest_failed(db, s, lost, added, batches);
                rc = 2;
                break;
            }
            added += in_batch;
            in_batch = 0;
            batches++;
        }
        if (tty && (read + want.known) % 25 == 0)
            fprintf(stderr, "\r\033[Kingest: %zu read, %zu added, %zu known, %zu batches committed", read,
                    added + in_batch, known, batches);
    }
    if (rc == 0) {
        sitrep_status st = sitrep_store_commit(s);
        if (st != SITREP_OK) {
            lost = in_batch;
            if (tty)
                fputs("\r\033[K", stderr);
            ingest_failed(db, s, lost, added, batches);
            rc = 2;
        } else if (in_batch) {
            added += in_batch;
            batches++;
        }
    }
    known += want.known;
    read += want.known;
    if (tty)
        fputs("\r\033[K", stderr);
    char not_stored[64] = "";
    if (lost)
        snprintf(not_stored, sizeof not_stored, ", %zu not stored (the failed batch)", lost);
    fprintf(stderr, "ingest: %zu read, %zu added, %zu stored already, %zu skipped (id taken)%s, %zu batch(es); %zu articles stored\n",
            read, added, known, taken, not_stored, batches, sitrep_store_count(s, NULL));
    if (rc == 0 && (sitrep_reader_skipped(r) > 0 || taken > 0)) {
        fprintf(stderr, "sitrep: %zu input(s) skipped\n", sitrep_reader_skipped(r) + taken);
        rc = 1;
    }
    sitrep_reader_free(r);
    sitrep_store_close(s);
    return rc;
}

/* ---- queries ---- */

typedef struct table_ctx {
    const char *type;
    bool json;
    size_t rows;
} table_ctx;

static const char *str(json_t *o, const char *key)
{
    const char *v = json_string_value(json_object_get(o, key));
    return v ? v : "-";
}

/* "2024-01-01..2024-06-30", "2024-07-16" or "-". */
static void period_text(json_t *p, char *out, size_t cap)
{
    const char *a = json_string_value(json_object_get(p, "start")), *b = json_string_value(json_object_get(p, "end"));
    if (!a)
        snprintf(out, cap, "-");
    else if (!b || strcmp(a, b) == 0)
        snprintf(out, cap, "%s", a);
    else
        snprintf(out, cap, "%s..%s", a, b);
}

static void value_text(json_t *v, const char *qual, char *out, size_t cap)
{
    double lo = json_number_value(json_object_get(v, "low")), hi = json_number_value(json_object_get(v, "high"));
    char qbuf[32] = "";
    if (qual && strcmp(qual, "exact") != 0)
        for (size_t i = 0; qual[i] && i + 1 < sizeof qbuf; i++)
            qbuf[i] = qual[i] == '_' ? ' ' : qual[i]; /* "more_than" reads "more than" */
    const char *q = qbuf;
    if (!json_is_object(v))
        snprintf(out, cap, "-");
    else if (lo == hi)
        snprintf(out, cap, "%s%s%g", q, *q ? " " : "", lo);
    else
        snprintf(out, cap, "%s%s%g-%g", q, *q ? " " : "", lo, hi);
}

static void names_text(json_t *a, const char *field, char *out, size_t cap)
{
    size_t n = 0, i;
    json_t *x;
    out[0] = '\0';
    json_array_foreach(a, i, x) {
        const char *s = field ? json_string_value(json_object_get(x, field)) : json_string_value(x);
        if (s && n + 3 < cap)
            n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? ", " : "", s);
    }
    if (!out[0])
        snprintf(out, cap, "-");
}

/* Prints one row of a table: control characters a record may carry (an
 * article's ESC or BEL) never reach the terminal. */
static void put_row(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void put_row(const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    size_t w = 0;
    for (size_t i = 0; line[i]; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c < 0x20 && c != '\n') || c == 0x7F)
            continue;
        if (c == 0xC2 && (unsigned char)line[i + 1] >= 0x80 && (unsigned char)line[i + 1] <= 0x9F) {
            i++;
            continue;
        }
        line[w++] = line[i];
    }
    line[w] = '\0';
    fputs(line, stdout);
}

static int print_row(const char *data, size_t len, void *vctx)
{
    table_ctx *t = vctx;
    if (t->json)
        return fwrite(data, 1, len, stdout) == len ? 0 : -1;
    if (len == 1 && data[0] == '\n')
        return 0;
    json_error_t err;
    json_t *o = json_loadb(data, len, 0, &err);
    if (!o)
        return -1;
    char a[96], b[160], c[64];
    if (strcmp(t->type, "claim") == 0) {
        value_text(json_object_get(o, "value"), json_string_value(json_object_get(o, "qualifier")), a, sizeof a);
        names_text(json_object_get(o, "places"), "name", b, sizeof b);
        period_text(json_object_get(o, "period"), c, sizeof c);
        put_row("%-16.16s %-22.22s %-18.18s %-22.22s %-22.22s %-22.22s %3lld %s\n", a, str(o, "measure"),
               str(o, "actor"), b, c, str(o, "attributed_to"),
               (long long)json_integer_value(json_object_get(o, "outlets")), str(o, "status"));
    } else if (strcmp(t->type, "event") == 0) {
        json_t *loc = json_object_get(o, "location"), *fat = json_object_get(o, "fatalities");
        period_text(json_object_get(o, "date"), c, sizeof c);
        names_text(json_object_get(o, "actors"), NULL, b, sizeof b);
        if (json_is_object(fat))
            value_text(fat, json_string_value(json_object_get(fat, "qualifier")), a, sizeof a);
        else
            snprintf(a, sizeof a, "-");
        put_row("%-22.22s %-28.28s %-20.20s %-3.3s %-30.30s %s\n", c, str(o, "sub_event_type"), str(loc, "name"),
               str(loc, "country"), b, a);
    } else {
        size_t nd = json_array_size(json_object_get(o, "documents"));
        put_row("%-14.14s %-10s %-10s %4zu  %s\n", str(o, "id"), str(o, "first_seen"), str(o, "last_seen"), nd,
               str(o, "title"));
    }
    json_decref(o);
    t->rows++;
    return 0;
}

int cmd_query(const char *type, int argc, char **argv)
{
    sitrep_query q = {type, NULL, NULL, NULL, NULL, NULL};
    const char *db = NULL;
    bool json = false;
    for (int i = 0; i < argc; i++) {
        const char **slot = !strcmp(argv[i], "--actor")  ? &q.actor
                            : !strcmp(argv[i], "--place") ? &q.place
                            : !strcmp(argv[i], "--since") ? &q.since
                            : !strcmp(argv[i], "--until") ? &q.until
                            : !strcmp(argv[i], "--status") ? &q.status
                                                           : NULL;
        if (slot && i + 1 < argc) {
            *slot = argv[++i];
        } else if (!strcmp(argv[i], "--json")) {
            json = true;
        } else if (argv[i][0] != '-' && !db) {
            db = argv[i];
        } else {
            fprintf(stderr, "usage: sitrep %ss DB [--actor A] [--place P] [--since YYYY-MM-DD] [--until YYYY-MM-DD]%s [--json]\n",
                    type, strcmp(type, "claim") == 0 ? " [--status corroborated|single|contested]" : "");
            return 2;
        }
    }
    if (!db) {
        fprintf(stderr, "usage: sitrep %ss DB [filters] [--json]\n", type);
        return 2;
    }
    if (q.status && strcmp(type, "claim") != 0) {
        fprintf(stderr, "sitrep: --status filters claims only\n");
        return 2;
    }
    sitrep_store *s;
    if (open_store(db, false, &s))
        return 2;
    table_ctx t = {type, json, 0};
    if (!json) {
        if (strcmp(type, "claim") == 0)
            printf("%-16s %-22s %-18s %-22s %-22s %-22s %3s %s\n", "value", "measure", "actor", "places", "period",
                   "source", "out", "status");
        else if (strcmp(type, "event") == 0)
            printf("%-22s %-28s %-20s %-3s %-30s %s\n", "date", "event", "location", "cc", "actors", "fatalities");
        else
            printf("%-14s %-10s %-10s %4s  %s\n", "story", "first", "last", "docs", "title");
    }
    sitrep_status st = sitrep_store_query(s, &q, print_row, &t);
    int rc = 0;
    if (st != SITREP_OK) {
        fprintf(stderr, "sitrep: %s: %s\n", db, sitrep_store_message(s));
        rc = 2;
    } else if (!json) {
        printf("(%zu %s)\n", t.rows,
               strcmp(type, "story") == 0 ? (t.rows == 1 ? "story" : "stories")
                                          : (t.rows == 1 ? type : strcmp(type, "claim") == 0 ? "claims" : "events"));
    }
    sitrep_store_close(s);
    if (fflush(stdout) != 0)
        rc = 2;
    return rc;
}

/* ---- report and export ---- */

static int write_file(const char *data, size_t len, void *ctx)
{
    return fwrite(data, 1, len, (FILE *)ctx) == len ? 0 : -1;
}

static int write_out(sitrep_store *s, const char *db, sitrep_output_format f, const char *path, const char *since,
                     const char *until, size_t top)
{
    FILE *to = stdout;
    if (path && !(to = fopen(path, "w"))) {
        fprintf(stderr, "sitrep: %s: %s\n", path, strerror(errno));
        return 2;
    }
    sitrep_status st = since || until || top ? sitrep_store_report(s, f, since, until, top, write_file, to)
                                             : sitrep_store_write(s, f, write_file, to);
    int rc = 0;
    if (st == SITREP_EBUSY || st == SITREP_EFULL || st == SITREP_EDB || st == SITREP_EJSON) {
        fprintf(stderr, "sitrep: %s: %s\n", db, sitrep_store_message(s)); /* reading the database */
        rc = 2;
    } else if (st != SITREP_OK) {
        fprintf(stderr, "sitrep: %s: %s\n", path ? path : "output",
                st == SITREP_EIO && errno ? strerror(errno) : sitrep_strerror(st));
        rc = 2;
    }
    if ((path ? fclose(to) : fflush(to)) != 0) {
        fprintf(stderr, "sitrep: %s: %s\n", path ? path : "output", strerror(errno));
        rc = 2;
    }
    return rc;
}

int cmd_report(int argc, char **argv)
{
    const char *db = NULL, *html = NULL, *since = NULL, *until = NULL, *top = NULL;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--html") && i + 1 < argc)
            html = argv[++i];
        else if (!strcmp(argv[i], "--since") && i + 1 < argc)
            since = argv[++i];
        else if (!strcmp(argv[i], "--until") && i + 1 < argc)
            until = argv[++i];
        else if (!strcmp(argv[i], "--top") && i + 1 < argc)
            top = argv[++i];
        else if (argv[i][0] != '-' && !db)
            db = argv[i];
        else
            db = NULL, i = argc;
    }
    if (!db) {
        fprintf(stderr, "usage: sitrep report DB [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--top N] [--html FILE]\n");
        return 2;
    }
    char *end = NULL;
    unsigned long long ntop = top ? strtoull(top, &end, 10) : 0;
    if (top && (!*top || *end || top[0] == '-')) {
        fprintf(stderr, "sitrep: --top %s: not a count\n", top);
        return 2;
    }
    /* a period: its top 20 of each section unless --top says (0: all) */
    size_t shown = top ? (size_t)ntop : since || until ? 20 : 0;
    sitrep_store *s;
    if (open_store(db, false, &s))
        return 2;
    int rc = write_out(s, db, html ? SITREP_REPORT_HTML : SITREP_REPORT_MARKDOWN, html, since, until, shown);
    sitrep_store_close(s);
    return rc;
}

int cmd_export(int argc, char **argv)
{
    const char *db = NULL, *format = NULL;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--format") && i + 1 < argc)
            format = argv[++i];
        else if (argv[i][0] != '-' && !db)
            db = argv[i];
        else
            db = NULL, i = argc;
    }
    sitrep_output_format f;
    if (format && !strcmp(format, "jsonl"))
        f = SITREP_EXPORT_JSONL;
    else if (format && !strcmp(format, "csv"))
        f = SITREP_EXPORT_CSV;
    else if (format && !strcmp(format, "geojson"))
        f = SITREP_EXPORT_GEOJSON;
    else
        db = NULL;
    if (!db) {
        fprintf(stderr, "usage: sitrep export DB --format jsonl|csv|geojson\n");
        return 2;
    }
    sitrep_store *s;
    if (open_store(db, false, &s))
        return 2;
    int rc = write_out(s, db, f, NULL, NULL, NULL, 0);
    sitrep_store_close(s);
    return rc;
}

/* ---- retention ---- */

int cmd_prune(int argc, char **argv)
{
    const char *db = NULL, *before = NULL;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--before") && i + 1 < argc)
            before = argv[++i];
        else if (argv[i][0] != '-' && !db)
            db = argv[i];
        else
            db = NULL, i = argc;
    }
    if (!db || !before) {
        fprintf(stderr, "usage: sitrep prune DB --before YYYY-MM-DD\n");
        return 2;
    }
    sitrep_store *s;
    if (open_store(db, true, &s))
        return 2;
    size_t removed = 0;
    sitrep_status st = sitrep_store_prune(s, before, &removed);
    if (st != SITREP_OK) {
        fprintf(stderr, "sitrep: %s: %s\n", db, sitrep_store_message(s));
        sitrep_store_close(s);
        return 2;
    }
    fprintf(stderr, "prune: %zu article(s) dated before %s removed; %zu article(s) stored\n", removed, before,
            sitrep_store_count(s, NULL));
    sitrep_store_close(s);
    return 0;
}
