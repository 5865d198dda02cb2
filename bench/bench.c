/*
 * bench.c -- throughput and peak memory of read + clean + tokenize.
 *
 *   sitrep_bench [--repeat N] PATH...
 *
 * Reads every PATH (files, directories, JSON Lines) through one
 * sitrep_reader, N times over (the paths are queued N times on the same
 * reader, so N shows whether memory grows with the amount of input).  For
 * each document it fetches the tokens and sentences and writes the cleaned
 * text into a sink that only counts bytes, then frees the document.
 *
 * --skip-entities leaves out the entity and place stage, so the difference
 * between a run with and a run without it is that stage's cost;
 * --only-read leaves out every analysis after the tokens (entities, time
 * expressions, figures): read+clean+tokenize alone.
 *
 * Prints one line:
 *
 *   read+clean+tokenize: 104.0 MB in 0.98 s = 106.1 MB/s, 17300 docs,
 *   21.0M tokens (18.3M words), 0.72M sentences, 91.0 MB text out,
 *   0 skipped, peak RSS 12.3 MB (2.1 MB before reading),
 *   CPU 0.97 s = 107.2 MB/CPU-s
 *
 * MB is 10^6 bytes of document input (sitrep_doc_source: the file, or the
 * decoded `text` of a JSONL record).  Time is wall-clock from creating the
 * reader to freeing it (process startup excluded).  Peak RSS is
 * getrusage(RUSAGE_SELF).ru_maxrss for the whole process; CPU is the
 * process's user + system time over the same interval (less sensitive than
 * wall time to other load on a shared machine).
 *
 * Exit status: 0, or 1 when nothing was read or the reader hit ENOMEM.
 */
#include "sitrep.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct sink {
    unsigned long long bytes;
    unsigned checksum;
} sink;

/* A sitrep_write_fn that counts bytes and folds in one byte per call so the
 * writes cannot be optimised away. */
static int null_write(const char *data, size_t len, void *ctx)
{
    sink *s = ctx;
    s->bytes += len;
    if (len)
        s->checksum = s->checksum * 31u + (unsigned char)data[len - 1];
    return 0;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* User + system CPU time of the process so far, in seconds. */
static double cpu_seconds(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0;
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* Peak resident set size so far, in bytes (ru_maxrss is KiB on Linux). */
static double peak_rss_bytes(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0;
    return (double)ru.ru_maxrss * 1024.0;
}

static void usage(void)
{
    fputs("usage: sitrep_bench [--repeat N] [--skip-entities] [--skip-times-figures] [--skip-claims] [--only-read] "
          "PATH...\n",
          stderr);
}

int main(int argc, char **argv)
{
    unsigned long repeat = 1;
    int first = 1;
    sitrep_options opts;
    sitrep_options_init(&opts);
    while (first < argc && argv[first][0] == '-' && argv[first][1] == '-') {
        if (strcmp(argv[first], "--repeat") == 0 && first + 1 < argc) {
            char *end;
            errno = 0;
            repeat = strtoul(argv[first + 1], &end, 10);
            if (errno || *end || repeat == 0) {
                fprintf(stderr, "sitrep_bench: --repeat needs a positive number\n");
                return 2;
            }
            first += 2;
        } else if (strcmp(argv[first], "--skip-entities") == 0) {
            opts.skip |= SITREP_SKIP_ENTITIES;
            first++;
        } else if (strcmp(argv[first], "--skip-times-figures") == 0) {
            /* claims and events are built on figures and times */
            opts.skip |= SITREP_SKIP_TIMES | SITREP_SKIP_FIGURES | SITREP_SKIP_CLAIMS;
            first++;
        } else if (strcmp(argv[first], "--skip-claims") == 0) {
            opts.skip |= SITREP_SKIP_CLAIMS;
            first++;
        } else if (strcmp(argv[first], "--only-read") == 0) {
            opts.skip |= SITREP_SKIP_ENTITIES | SITREP_SKIP_TIMES | SITREP_SKIP_FIGURES | SITREP_SKIP_CLAIMS;
            first++;
        } else if (strcmp(argv[first], "--") == 0) {
            first++;
            break;
        } else {
            usage();
            return 2;
        }
    }
    if (first >= argc) {
        usage();
        return 2;
    }

    double rss_before = peak_rss_bytes();
    double c0 = cpu_seconds();
    double t0 = now_seconds();

    sitrep_reader *r;
    if (sitrep_reader_new(&opts, &r) != SITREP_OK) {
        fprintf(stderr, "sitrep_bench: out of memory\n");
        return 1;
    }
    for (unsigned long k = 0; k < repeat; k++)
        for (int i = first; i < argc; i++)
            if (sitrep_reader_add(r, argv[i]) != SITREP_OK) {
                fprintf(stderr, "sitrep_bench: out of memory\n");
                sitrep_reader_free(r);
                return 1;
            }

    unsigned long long in_bytes = 0, docs = 0, tokens = 0, sentences = 0, words = 0;
    unsigned long long entities = 0, mentions = 0;
    sink out = {0, 0};
    int rc = 0;
    for (;;) {
        sitrep_doc *doc;
        sitrep_status st = sitrep_reader_next(r, &doc);
        if (st == SITREP_DONE)
            break;
        if (st != SITREP_OK) {
            if (sitrep_reader_skipped(r) <= 5)
                fprintf(stderr, "sitrep_bench: %s\n", sitrep_reader_message(r));
            if (st == SITREP_ENOMEM) {
                rc = 1;
                break;
            }
            continue;
        }
        size_t len, ntok, nsent;
        sitrep_doc_source(doc, &len);
        const sitrep_token *tok = sitrep_doc_tokens(doc, &ntok);
        sitrep_doc_sentences(doc, &nsent);
        size_t nment;
        sitrep_doc_mentions(doc, &nment);
        entities += sitrep_doc_entity_count(doc);
        mentions += nment;
        for (size_t i = 0; i < ntok; i++)
            words += tok[i].kind == SITREP_TOK_WORD;
        if (sitrep_doc_write_text(doc, null_write, &out) != SITREP_OK)
            rc = 1;
        in_bytes += len;
        docs++;
        tokens += ntok;
        sentences += nsent;
        sitrep_doc_free(doc);
    }
    size_t skipped = sitrep_reader_skipped(r);
    sitrep_reader_free(r);

    double secs = now_seconds() - t0;
    double cpu = cpu_seconds() - c0;
    double mb = (double)in_bytes / 1e6;
    printf("%s: %.1f MB in %.2f s = %.1f MB/s, %llu docs, %.1fM tokens "
           "(%.1fM words), %.2fM sentences, %.2fM mentions of %.2fM entities, "
           "%.1f MB text out, %zu skipped, "
           "peak RSS %.1f MB (%.1f MB before reading), CPU %.3f s = %.1f MB/CPU-s\n",
           (opts.skip & SITREP_SKIP_TIMES)
               ? ((opts.skip & SITREP_SKIP_ENTITIES) ? "read+clean+tokenize"
                                                     : "read+clean+tokenize+entities")
           : (opts.skip & SITREP_SKIP_ENTITIES)
               ? ((opts.skip & SITREP_SKIP_CLAIMS) ? "read+clean+tokenize+times+figures"
                                                   : "read+clean+tokenize+times+figures+claims+events")
           : (opts.skip & SITREP_SKIP_CLAIMS) ? "read+clean+tokenize+entities+times+figures"
                                              : "read+clean+tokenize+entities+times+figures+claims+events",
           mb, secs, secs > 0 ? mb / secs : 0.0, docs, (double)tokens / 1e6,
           (double)words / 1e6, (double)sentences / 1e6, (double)mentions / 1e6,
           (double)entities / 1e6, (double)out.bytes / 1e6, skipped,
           peak_rss_bytes() / 1e6, rss_before / 1e6, cpu, cpu > 0 ? mb / cpu : 0.0);
    if (docs == 0)
        rc = 1;
    /* use the checksum so the sink's work is observable */
    if (out.checksum == 0xFFFFFFFFu)
        fputc('\n', stderr);
    return rc;
}
