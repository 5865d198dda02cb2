/*
 * corpus_bench.c -- duplicates, stories and corroboration at scale.
 *
 *   sitrep_corpus_bench [--articles N] [--seed S] SOURCE...
 *
 * Generates N synthetic articles in memory from the source texts (plain
 * articles; a *.spec fixture is split into its cases' texts) and feeds them
 * to one sitrep_corpus, timing three things separately:
 *
 *   analyse   sitrep_doc_from_memory for each article (the per-article
 *             analysis, not what this benchmark is about, shown apart);
 *   add       sitrep_corpus_add: entity merging, the near-copy signature
 *             and the story links (the incremental part);
 *   finish    sitrep_corpus_write_json into a sink that counts bytes: the
 *             stories, the dating of undated articles, corroboration,
 *             conflicts, trends, and writing every record.
 *
 * The articles model a news stream: a happening (a place, a date, a set of
 * figures) is reported by 1 to 6 articles in different words (different
 * source texts filled with the same place, figures and dates), 15 % of the
 * articles are near-copies of an earlier one (a wire story on another
 * site: another headline and outlet), and places, group names, figures
 * and dates vary.  Everything depends only on the sources and the seed.
 *
 * Prints, after 10,000, 100,000, 1,000,000 (and the last) articles, the
 * cumulative time per article of each step, and at the end the finish
 * time, peak RSS and what the corpus found.
 */
#define _POSIX_C_SOURCE 200809L
#include "sitrep.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* CPU seconds of the process: what a step costs on a loaded machine */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p) {
            fputs("corpus_bench: out of memory\n", stderr);
            exit(2);
        }
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

/* ---- sources ---- */

static char **texts;
static size_t ntexts, captexts;

static void add_text(const char *s, size_t n)
{
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
        n--;
    if (n < 60)
        return;
    if (ntexts == captexts) {
        captexts = captexts ? captexts * 2 : 256;
        texts = realloc(texts, captexts * sizeof *texts);
    }
    texts[ntexts] = malloc(n + 1);
    memcpy(texts[ntexts], s, n);
    texts[ntexts++][n] = '\0';
}

static void load(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "corpus_bench: cannot read %s\n", path);
        return;
    }
    buf b = {0};
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        put(&b, chunk, k);
    fclose(f);
    if (!b.p)
        return;
    size_t pl = strlen(path);
    if (pl > 5 && strcmp(path + pl - 5, ".spec") == 0) {
        /* each case: "### name\n[date: ...\n]text\n.\n" */
        for (char *p = b.p; (p = strstr(p, "\n### ")) != NULL;) {
            char *t = strchr(p + 1, '\n');
            if (!t)
                break;
            t++;
            if (strncmp(t, "date:", 5) == 0 && strchr(t, '\n'))
                t = strchr(t, '\n') + 1;
            char *e = strstr(t, "\n.\n");
            if (!e)
                break;
            add_text(t, (size_t)(e - t));
            p = e;
        }
    } else {
        add_text(b.p, b.n);
    }
    free(b.p);
}

/* ---- generation ---- */

static const char *const places[] = {
    "Mogadishu", "Kismayo",  "Baidoa",     "Beledweyne", "Garowe",   "Maiduguri", "Kano",
    "Abuja",     "Gao",      "Timbuktu",   "Mopti",      "Ouagadougou", "Djibo", "Niamey",
    "Mosul",     "Kirkuk",   "Baghdad",    "Fallujah",   "Raqqa",    "Aleppo",    "Homs",
    "Kabul",     "Jalalabad", "Peshawar",  "Quetta",     "Karachi",  "Aden",      "Sanaa",
    "Goma",      "Beni",     "Bunia",      "Khartoum",   "El Fasher", "Tripoli",  "Benghazi",
    "Marawi",    "Cotabato", "Cucuta",     "Mandalay",   "Lashio"};
static const char *const groups[] = {"al-Shabaab", "ISWAP", "Boko Haram", "JNIM", "the Islamic State",
                                     "the Taliban", "the Houthis", "the ADF", "M23", "Ansar al-Sunna"};
static const char *const outlets[] = {"The Associated Press", "Reuters", "Agence France-Presse",
                                      "Al Jazeera", "BBC News", "The Guardian", "Garowe Online",
                                      "Premium Times", "Dawn", "The National"};
#define NPLACES (sizeof places / sizeof places[0])
#define NGROUPS (sizeof groups / sizeof groups[0])
#define NOUTLETS (sizeof outlets / sizeof outlets[0])

typedef struct happening {
    int place, group, day; /* day: 0..1095 from 2023-01-01 */
    uint64_t figures;      /* seed of its figures */
} happening;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Fills a source text with the happening's place, group and figures: every
 * number becomes one of the happening's figures (the same text position
 * gets the same figure, so two articles on one happening share them), and
 * every name of the lists above becomes the happening's. */
static void render(buf *out, const char *t, const happening *h)
{
    uint64_t fs = h->figures;
    int nth = 0;
    for (const char *p = t; *p;) {
        if (is_digit(*p) && (p == t || !is_digit(p[-1]))) {
            const char *q = p;
            while (is_digit(*q) || (*q == ',' && is_digit(q[1])))
                q++;
            size_t len = (size_t)(q - p);
            bool year = len == 4 && (p[0] == '1' || p[0] == '2') && (p[1] == '9' || p[1] == '0');
            if (year) {
                char y[16];
                snprintf(y, sizeof y, "%d", 2023 + (h->day / 365) % 3);
                puts_(out, y);
            } else {
                uint64_t z = fs + (uint64_t)nth++ * 0x9E3779B97F4A7C15ull;
                z = (z ^ (z >> 31)) * 0xBF58476D1CE4E5B9ull;
                char v[24];
                snprintf(v, sizeof v, "%llu", (unsigned long long)(2 + (z >> 40) % (len >= 3 ? 900 : 60)));
                puts_(out, v);
            }
            p = q;
            continue;
        }
        /* the names are tried only where their first byte is: the
         * generator, not sitrep, took a third of the run comparing them
         * at every byte */
        bool swapped = false;
        for (size_t k = 0; k < NPLACES && !swapped; k++) {
            if (*p != places[k][0])
                continue;
            size_t n = strlen(places[k]);
            if (strncmp(p, places[k], n) == 0 && !(p[n] >= 'a' && p[n] <= 'z')) {
                puts_(out, places[h->place]);
                p += n;
                swapped = true;
            }
        }
        for (size_t k = 0; k < NGROUPS && !swapped; k++) {
            const char *g = groups[k][0] == 't' && strncmp(groups[k], "the ", 4) == 0 ? groups[k] + 4 : groups[k];
            if (*p != g[0])
                continue;
            size_t n = strlen(g);
            if (strncmp(p, g, n) == 0 && !(p[n] >= 'a' && p[n] <= 'z')) {
                const char *r = groups[h->group];
                puts_(out, strncmp(r, "the ", 4) == 0 ? r + 4 : r);
                p += n;
                swapped = true;
            }
        }
        if (!swapped)
            put(out, p++, 1);
    }
}

static void day_iso(int day, char out[11])
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    unsigned y = 2023 + (unsigned)(day / 365) % 3, d = (unsigned)(day % 365), m = 0;
    while (m < 11 && d >= (unsigned)mdays[m])
        d -= (unsigned)mdays[m++];
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%04u-%02u-%02u", y % 10000, (m + 1) % 100, (d + 1) % 100);
    memcpy(out, tmp, 11);
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static size_t out_bytes, out_records[8];
static int count_out(const char *data, size_t len, void *ctx)
{
    (void)ctx;
    out_bytes += len;
    static const char *const types[] = {"document", "story", "entity", "claim", "event",
                                        "conflict", "trend", NULL};
    for (int k = 0; types[k]; k++) {
        char pat[32];
        snprintf(pat, sizeof pat, "{\"type\":\"%s\"", types[k]);
        if (len > strlen(pat) && memcmp(data, pat, strlen(pat)) == 0)
            out_records[k]++;
    }
    if (len > 30 && strstr(data, "\"status\":\"corroborated\"") && memcmp(data, "{\"type\":\"claim\"", 15) == 0)
        out_records[7]++;
    return 0;
}

int main(int argc, char **argv)
{
    size_t n = 1000000;
    uint64_t seed = 1;
    int first = 1;
    while (first < argc && argv[first][0] == '-') {
        if (strcmp(argv[first], "--articles") == 0 && first + 1 < argc) {
            n = strtoull(argv[first + 1], NULL, 10);
            first += 2;
        } else if (strcmp(argv[first], "--seed") == 0 && first + 1 < argc) {
            seed = strtoull(argv[first + 1], NULL, 10);
            first += 2;
        } else {
            fprintf(stderr, "usage: sitrep_corpus_bench [--articles N] [--seed S] SOURCE...\n");
            return 2;
        }
    }
    for (int i = first; i < argc; i++)
        load(argv[i]);
    if (ntexts < 2 || n == 0) {
        fprintf(stderr, "corpus_bench: need source texts\n");
        return 2;
    }
    rng_state = seed;
    sitrep_options opts;
    sitrep_options_init(&opts);
    sitrep_corpus *corpus;
    if (sitrep_corpus_new(&opts, &corpus) != SITREP_OK)
        return 2;
    /* the happenings being reported: a window of recent ones */
    enum { WINDOW = 4096 };
    happening *recent = calloc(WINDOW, sizeof *recent);
    size_t nrecent = 0;
    char **prev_text = calloc(WINDOW, sizeof *prev_text); /* recent articles, for near-copies */
    double t_analyse = 0, t_add = 0, c_add = 0; /* c_add: CPU seconds */
    size_t next_mark = 10000;
    buf text = {0};
    for (size_t i = 0; i < n; i++) {
        text.n = 0;
        char id[32], published[11];
        snprintf(id, sizeof id, "a%07zu", i);
        const char *outlet = outlets[rnd() % NOUTLETS];
        uint64_t r = rnd() % 100;
        size_t slot = i % WINDOW;
        if (r < 15 && i > 0) {
            /* a near-copy of a recent article: another headline and outlet */
            size_t j = (i - 1 - rnd() % (i < 64 ? i : 64)) % WINDOW;
            if (!prev_text[j])
                j = (i - 1) % WINDOW;
            puts_(&text, "Wire report: ");
            puts_(&text, prev_text[j]);
            happening *h = &recent[(nrecent - 1) % WINDOW];
            day_iso(h->day + (int)(rnd() % 2), published);
        } else {
            happening h;
            if (r < 55 && nrecent > 0) {
                h = recent[(nrecent - 1 - rnd() % (nrecent < 256 ? nrecent : 256)) % WINDOW];
            } else {
                h.place = (int)(rnd() % NPLACES);
                h.group = (int)(rnd() % NGROUPS);
                h.day = (int)(i * 1095 / n + rnd() % 3);
                h.figures = rnd();
                recent[nrecent++ % WINDOW] = h;
            }
            /* a lead from one source text and a body from another or two */
            int parts = 1 + (int)(rnd() % 3);
            for (int k = 0; k < parts; k++) {
                render(&text, texts[rnd() % ntexts], &h);
                puts_(&text, "\n\n");
            }
            day_iso(h.day + (int)(rnd() % 2), published);
        }
        free(prev_text[slot]);
        prev_text[slot] = strdup(text.p);
        sitrep_doc_hints hints = {NULL, NULL, rnd() % 10 ? published : NULL, outlet};
        double t0 = now();
        sitrep_doc *doc;
        if (sitrep_doc_from_memory(id, text.p, text.n, &hints, &opts, &doc) != SITREP_OK)
            continue;
        double t1 = now(), a1 = cpu_now();
        if (sitrep_corpus_add(corpus, doc) != SITREP_OK) {
            fprintf(stderr, "corpus_bench: out of memory at %zu articles\n", i);
            return 2;
        }
        double t2 = now(), a2 = cpu_now();
        sitrep_doc_free(doc);
        t_analyse += t1 - t0;
        t_add += t2 - t1;
        c_add += a2 - a1;
        if (i + 1 == next_mark || i + 1 == n) {
            printf("%8zu articles: analyse %6.1f us/article, add (entities, near-copies, story links) "
                   "%5.2f us/article (CPU %5.2f), peak RSS %ld MB\n",
                   i + 1, t_analyse / (double)(i + 1) * 1e6, t_add / (double)(i + 1) * 1e6,
                   c_add / (double)(i + 1) * 1e6, peak_rss_kb() / 1024);
            fflush(stdout);
            next_mark *= 10;
        }
    }
    double t0 = now(), c0 = cpu_now();
    sitrep_status st = sitrep_corpus_write_json(corpus, 0, count_out, NULL);
    double t1 = now(), c1 = cpu_now();
    if (st != SITREP_OK) {
        fprintf(stderr, "corpus_bench: finishing failed: %s\n", sitrep_strerror(st));
        return 2;
    }
    printf("%8zu articles: finish (stories, dates, corroboration, conflicts, trends) and write "
           "%.2f s = %.2f us/article; %.1f MB of records\n",
           n, t1 - t0, (t1 - t0) / (double)n * 1e6, out_bytes / 1e6);
    printf("%8zu articles: finish CPU time %.2f s = %.2f us/article\n", n, c1 - c0, (c1 - c0) / (double)n * 1e6);
    printf("  records: %zu documents, %zu stories, %zu entities, %zu claims (%zu corroborated), "
           "%zu events, %zu conflicts, %zu trends\n",
           out_records[0], out_records[1], out_records[2], out_records[3], out_records[7],
           out_records[4], out_records[5], out_records[6]);
    printf("  duplicates+stories+corroboration: add %.2f + finish %.2f = %.2f us/article; peak RSS %ld MB\n",
           t_add / (double)n * 1e6, (t1 - t0) / (double)n * 1e6, (t_add + t1 - t0) / (double)n * 1e6,
           peak_rss_kb() / 1024);
    /* CPU seconds: the figure that holds on a loaded machine */
    printf("  duplicates+stories+corroboration, CPU: add %.2f + finish %.2f = %.2f us/article\n",
           c_add / (double)n * 1e6, (c1 - c0) / (double)n * 1e6, (c_add + c1 - c0) / (double)n * 1e6);
    sitrep_corpus_free(corpus);
    for (size_t i = 0; i < WINDOW; i++)
        free(prev_text[i]);
    free(prev_text);
    free(recent);
    free(text.p);
    for (size_t i = 0; i < ntexts; i++)
        free(texts[i]);
    free(texts);
    return 0;
}
