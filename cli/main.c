/*
 * main.c -- the sitrep command line: a thin layer over libsitrep.
 *
 *   sitrep extract [--text] [--mentions] [--max-bytes N] [--snapshot OUT [--articles]] PATH...
 *   sitrep docs [--max-bytes N] PATH...
 *   sitrep merge [--snapshot OUT | --db DB] SNAPSHOT...         (merge.c)
 *   sitrep ingest|claims|events|stories|report|export DB ...   (store.c)
 *
 * Writes one JSON record per document to standard output, then the records
 * of what the documents say together (entities, ...; CONTRACT.md).
 * Inputs that cannot be read are reported on standard error, one line
 * each, and the others go on.  Exit status: 0 all read, 1 some input was
 * skipped, 2 usage or output error.
 */
#include "cli.h"

#include <errno.h>
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *to)
{
    fputs("usage: sitrep extract [--text] [--mentions] [--max-bytes N] [--snapshot OUT [--articles]] PATH...\n"
          "       sitrep docs [--max-bytes N] PATH...\n"
          "       sitrep merge [--snapshot OUT | --db DB] SNAPSHOT...\n"
          "       sitrep ingest DB [--batch N] [--max-bytes N] PATH...\n"
          "       sitrep claims|events|stories DB [--actor A] [--place P] [--since D] [--until D]\n"
          "                                       [--status S] [--json]\n"
          "       sitrep report DB [--since D] [--until D] [--top N] [--html FILE]\n"
          "       sitrep export DB --format jsonl|csv|geojson\n"
          "       sitrep prune DB --before YYYY-MM-DD\n"
          "       sitrep --version\n"
          "\n"
          "  extract   read articles (plain text, JSON Lines, directories, - for stdin;\n"
          "            .gz read transparently) and write JSON Lines records\n"
          "  docs      the same documents as a table a person reads\n"
          "  merge     merge the partial corpora of shards (extract --snapshot) and write\n"
          "            the records of all their articles, or one snapshot of them, or\n"
          "            ingest them into a database (--db DB: shards made with --articles)\n"
          "  ingest    add articles to a SQLite database (one transaction per batch of N,\n"
          "            default 1000; articles stored already are not added again)\n"
          "  claims, events, stories   what the database holds, as a table or --json\n"
          "  report    the situation report in Markdown, or one HTML page (--html FILE)\n"
          "  export    every record (jsonl), the events under ACLED's columns (csv), geojson\n"
          "  prune     remove the articles dated before a day and all only they said\n"
          "  --text    include each document's cleaned text\n"
          "  --mentions  also write every time expression and figure read (time, figure records)\n"
          "  --max-bytes N   largest article or JSONL record accepted (default 16 MiB)\n"
          "  --snapshot OUT  write the partial corpus of the articles (a shard) to OUT\n"
          "                  instead of records: `sitrep merge` reads it\n"
          "  --articles      keep each article's bytes in the snapshot, so that\n"
          "                  `sitrep merge --db DB` can store them\n",
          to);
}

static int write_stdout(const char *data, size_t len, void *ctx)
{
    (void)ctx;
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

/* One row per document for `sitrep docs`. */
static int write_row(const sitrep_doc *doc)
{
    const char *basis;
    const char *date = sitrep_doc_published(doc);
    const char *inferred = sitrep_doc_published_inferred(doc, &basis);
    size_t ntok, nsent;
    sitrep_doc_tokens(doc, &ntok);
    sitrep_doc_sentences(doc, &nsent);
    char by[256] = "";
    for (size_t i = 0; i < sitrep_doc_byline_count(doc); i++)
        snprintf(by + strlen(by), sizeof by - strlen(by), "%s%s", i ? "; " : "",
                 sitrep_doc_byline(doc, i));
    /* the fields were cleaned of control characters when read */
    printf("%-24.24s %-10s%s %-22.22s %4zu %5zu %3zu  %s%s%s\n", sitrep_doc_id(doc),
           date ? date : inferred ? inferred : "-", date || !inferred ? " " : "~",
           sitrep_doc_outlet(doc) ? sitrep_doc_outlet(doc) : "-", nsent, ntok,
           sitrep_doc_dropped_count(doc),
           sitrep_doc_title(doc) ? sitrep_doc_title(doc) : "(no headline)", by[0] ? " -- by " : "",
           by);
    return 0;
}

static int cmd_extract(int argc, char **argv, bool table)
{
    sitrep_options opts;
    sitrep_options_init(&opts);
    unsigned flags = 0;
    bool mentions = false;
    const char *snapshot = NULL;
    bool articles = false;
    int first_path = -1;
    for (int i = 0; i < argc; i++) {
        if (first_path < 0 && strcmp(argv[i], "--text") == 0) {
            flags |= SITREP_JSON_TEXT;
        } else if (first_path < 0 && strcmp(argv[i], "--mentions") == 0) {
            mentions = true;
        } else if (first_path < 0 && !table && strcmp(argv[i], "--snapshot") == 0 && i + 1 < argc) {
            snapshot = argv[++i];
        } else if (first_path < 0 && !table && strcmp(argv[i], "--articles") == 0) {
            articles = true;
        } else if (first_path < 0 && strcmp(argv[i], "--max-bytes") == 0 && i + 1 < argc) {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(argv[++i], &end, 10);
            if (errno || *end || v == 0) {
                fprintf(stderr, "sitrep: --max-bytes needs a positive number\n");
                return 2;
            }
            opts.max_input_bytes = (size_t)v;
        } else if (first_path < 0 && strcmp(argv[i], "--") == 0) {
            first_path = i + 1;
        } else if (first_path < 0 && argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "sitrep: unknown option %s\n", argv[i]);
            usage(stderr);
            return 2;
        } else if (first_path < 0) {
            first_path = i;
        }
    }
    if (first_path < 0 || first_path >= argc) {
        usage(stderr);
        return 2;
    }
    sitrep_reader *r;
    if (sitrep_reader_new(&opts, &r) != SITREP_OK) {
        fprintf(stderr, "sitrep: out of memory\n");
        return 2;
    }
    for (int i = first_path; i < argc; i++)
        if (sitrep_reader_add(r, argv[i]) != SITREP_OK) {
            fprintf(stderr, "sitrep: out of memory\n");
            sitrep_reader_free(r);
            return 2;
        }
    sitrep_corpus *corpus = NULL;
    opts.json_flags = flags;
    if (articles && !snapshot) {
        fprintf(stderr, "sitrep: --articles goes with --snapshot OUT\n");
        sitrep_reader_free(r);
        return 2;
    }
    if (!table && (sitrep_corpus_new(&opts, &corpus) != SITREP_OK ||
                   (articles && sitrep_corpus_keep_articles(corpus) != SITREP_OK))) {
        sitrep_corpus_free(corpus);
        fprintf(stderr, "sitrep: out of memory\n");
        sitrep_reader_free(r);
        return 2;
    }
    int rc = 0;
    if (table)
        printf("%-24s %-11s %-22s %4s %5s %3s  %s\n", "document", "date", "outlet", "sent",
               "tokens", "drp", "headline");
    for (;;) {
        sitrep_doc *doc;
        sitrep_status st = sitrep_reader_next(r, &doc);
        if (st == SITREP_DONE)
            break;
        if (st != SITREP_OK) {
            fprintf(stderr, "sitrep: %s\n", sitrep_reader_message(r));
            if (st == SITREP_ENOMEM) {
                rc = 2;
                break;
            }
            continue;
        }
        /* extract: the corpus writes every record at the end, documents
         * first, once the stories are known */
        st = table ? (write_row(doc) ? SITREP_EIO : SITREP_OK) : SITREP_OK;
        sitrep_status cst = SITREP_OK;
        if (st == SITREP_OK && corpus) {
            cst = sitrep_corpus_add(corpus, doc);
            if (cst == SITREP_OK && mentions)
                cst = sitrep_corpus_add_mentions(corpus, doc);
        }
        if (cst != SITREP_OK) {
            int err = errno;
            sitrep_doc_free(doc);
            if (cst == SITREP_EIO) /* the corpus keeps its rows in a temporary file */
                fprintf(stderr, "sitrep: cannot write the temporary file in %s: %s\n",
                        getenv("TMPDIR") && getenv("TMPDIR")[0] ? getenv("TMPDIR") : "/tmp", strerror(err));
            else
                fprintf(stderr, "sitrep: %s\n", sitrep_strerror(cst));
            rc = 2;
            break;
        }
        sitrep_doc_free(doc);
        if (st != SITREP_OK) {
            fprintf(stderr, "sitrep: cannot write output: %s\n", strerror(errno));
            rc = 2;
            break;
        }
    }
    /* what the documents say together: stories, entities, ...; or, for a
     * shard, the partial corpus that `sitrep merge` merges with the others */
    if (rc != 2 && corpus && snapshot) {
        rc = write_snapshot_file(corpus, snapshot) ? 2 : rc;
    } else if (rc != 2 && corpus) {
        sitrep_status st = sitrep_corpus_finish(corpus);
        if (st != SITREP_OK) {
            fprintf(stderr, "sitrep: %s\n", sitrep_strerror(st));
            rc = 2;
        } else if (sitrep_corpus_write_json(corpus, flags, write_stdout, NULL) != SITREP_OK) {
            fprintf(stderr, "sitrep: cannot write output: %s\n", strerror(errno));
            rc = 2;
        }
    }
    sitrep_corpus_free(corpus);
    if (rc == 0 && sitrep_reader_skipped(r) > 0) {
        fprintf(stderr, "sitrep: %zu input(s) skipped\n", sitrep_reader_skipped(r));
        rc = 1;
    }
    sitrep_reader_free(r);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "sitrep: cannot write output: %s\n", strerror(errno));
        return 2;
    }
    return rc;
}

int main(int argc, char **argv)
{
    /* Past the file-size limit (ulimit -f) a write fails with EFBIG and
     * is reported (a database's batch not stored, an output cut short)
     * instead of the signal killing the process without a word. */
    signal(SIGXFSZ, SIG_IGN);
#ifdef M_MMAP_THRESHOLD
    /* Large blocks (a corpus's tables, grown or parked and brought back
     * as a long run goes on) get pages of their own, given back when
     * freed.  glibc otherwise raises its threshold to the largest block
     * freed (up to 32 MB) and serves the next ones from the heap, where
     * what is freed below its top stays resident: 16 MB more peak memory
     * at 40 MB of input (bench/extract_memory.sh). */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("sitrep %s\n", sitrep_version());
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "extract") == 0)
        return cmd_extract(argc - 2, argv + 2, false);
    if (strcmp(argv[1], "docs") == 0)
        return cmd_extract(argc - 2, argv + 2, true);
    if (strcmp(argv[1], "merge") == 0)
        return cmd_merge(argc - 2, argv + 2);
    if (strcmp(argv[1], "ingest") == 0)
        return cmd_ingest(argc - 2, argv + 2);
    if (strcmp(argv[1], "claims") == 0 || strcmp(argv[1], "events") == 0)
        return cmd_query(argv[1][0] == 'c' ? "claim" : "event", argc - 2, argv + 2);
    if (strcmp(argv[1], "stories") == 0)
        return cmd_query("story", argc - 2, argv + 2);
    if (strcmp(argv[1], "report") == 0)
        return cmd_report(argc - 2, argv + 2);
    if (strcmp(argv[1], "export") == 0)
        return cmd_export(argc - 2, argv + 2);
    if (strcmp(argv[1], "prune") == 0)
        return cmd_prune(argc - 2, argv + 2);
    fprintf(stderr, "sitrep: unknown command %s\n", argv[1]);
    usage(stderr);
    return 2;
}
