/*
 * merge.c -- partial corpora on the command line:
 *
 *   sitrep extract --snapshot OUT [--articles] PATH...  (main.c) a shard's partial corpus
 *   sitrep merge [--snapshot OUT | --db DB] SNAPSHOT...  merged: the records, a snapshot,
 *                                                        or a database's articles
 *
 * A snapshot is written to OUT.tmp-PID and renamed, so a process killed
 * while writing never leaves a half snapshot under OUT.  A snapshot that
 * cannot be read is reported and the others are merged (exit status 1).
 * With --db, the merged articles (shards made with --articles) are added
 * to the database in one batch, as `sitrep ingest` of the same articles
 * would add them: those stored already are passed by.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int write_file(const char *data, size_t len, void *ctx)
{
    return fwrite(data, 1, len, (FILE *)ctx) == len ? 0 : -1;
}

int write_snapshot_file(sitrep_corpus *corpus, const char *out)
{
    if (strcmp(out, "-") == 0) {
        if (sitrep_corpus_write_snapshot(corpus, write_file, stdout) != SITREP_OK || fflush(stdout) != 0) {
            fprintf(stderr, "sitrep: cannot write the snapshot: %s\n", strerror(errno));
            return 2;
        }
        return 0;
    }
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-%ld", out, (long)getpid()) >= sizeof tmp) {
        fprintf(stderr, "sitrep: %s: path too long\n", out);
        return 2;
    }
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        fprintf(stderr, "sitrep: %s: %s\n", tmp, strerror(errno));
        return 2;
    }
    sitrep_status st = sitrep_corpus_write_snapshot(corpus, write_file, f);
    int err = errno;
    bool ok = st == SITREP_OK && fflush(f) == 0 && fsync(fileno(f)) == 0;
    if (ok)
        err = 0;
    else if (!err)
        err = EIO;
    ok = fclose(f) == 0 && ok;
    if (ok && rename(tmp, out) != 0) {
        err = errno;
        ok = false;
    }
    if (!ok) {
        fprintf(stderr, "sitrep: cannot write the snapshot %s: %s\n", out,
                st == SITREP_OK ? strerror(err ? err : EIO) : sitrep_strerror(st));
        unlink(tmp);
        return 2;
    }
    return 0;
}

/* The whole file, or NULL (errno set). */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    while (b) {
        size_t got = fread(b + n, 1, cap - n, f);
        n += got;
        if (n < cap) {
            if (ferror(f)) {
                free(b);
                b = NULL;
                errno = EIO;
            }
            break;
        }
        char *nb = realloc(b, cap * 2);
        if (!nb) {
            free(b);
            b = NULL;
            errno = ENOMEM;
            break;
        }
        b = nb;
        cap *= 2;
    }
    if (f != stdin)
        fclose(f);
    *len = n;
    return b;
}

static int write_stdout(const char *data, size_t len, void *ctx)
{
    (void)ctx;
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

typedef struct store_tally {
    size_t added, known, taken;
} store_tally;

static void tally(const char *id, sitrep_store_outcome o, void *ctx)
{
    store_tally *t = ctx;
    if (o == SITREP_STORE_ID_TAKEN)
        fprintf(stderr, "sitrep: %s: another article is stored under this id; skipped\n", id);
    t->added += o == SITREP_STORE_ADDED;
    t->known += o == SITREP_STORE_KNOWN;
    t->taken += o == SITREP_STORE_ID_TAKEN;
}

/* The merged corpus's articles into the database DB, in one batch; 0, 1
 * when an article was skipped (id taken), 2 on failure. */
static int merge_into_store(sitrep_corpus *corpus, const char *db)
{
    sitrep_store *s = NULL;
    sitrep_status st = sitrep_store_open(db, NULL, &s);
    if (st != SITREP_OK) {
        fprintf(stderr, "sitrep: %s: %s\n", db, s ? sitrep_store_message(s) : sitrep_strerror(st));
        sitrep_store_close(s);
        return 2;
    }
    store_tally t = {0, 0, 0};
    st = sitrep_store_add_corpus(s, corpus, tally, &t);
    if (st == SITREP_OK)
        st = sitrep_store_commit(s);
    int rc = 0;
    if (st != SITREP_OK) {
        fprintf(stderr, "sitrep: %s: %s; nothing of this merge was stored\n", db, sitrep_store_message(s));
        rc = 2;
    } else {
        fprintf(stderr, "merge: %zu articles, %zu added, %zu stored already, %zu skipped (id taken); "
                        "%zu articles stored\n",
                t.added + t.known + t.taken, t.added, t.known, t.taken, sitrep_store_count(s, NULL));
        rc = t.taken ? 1 : 0;
    }
    sitrep_store_close(s);
    return rc;
}

int cmd_merge(int argc, char **argv)
{
    const char *out = NULL, *db = NULL;
    int first = -1;
    for (int i = 0; i < argc && first < 0; i++) {
        if (strcmp(argv[i], "--snapshot") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            db = argv[++i];
        } else if (strcmp(argv[i], "--") == 0) {
            first = i + 1;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "sitrep: unknown option %s\n", argv[i]);
            return 2;
        } else {
            first = i;
        }
    }
    if (first < 0 || first >= argc || (out && db)) {
        fprintf(stderr, "usage: sitrep merge [--snapshot OUT | --db DB] SNAPSHOT...\n");
        return 2;
    }
    sitrep_corpus *corpus;
    if (sitrep_corpus_new(NULL, &corpus) != SITREP_OK) {
        fprintf(stderr, "sitrep: out of memory\n");
        return 2;
    }
    if (db && sitrep_corpus_keep_articles(corpus) != SITREP_OK) {
        sitrep_corpus_free(corpus);
        return 2;
    }
    int rc = 0;
    size_t skipped = 0;
    for (int i = first; i < argc && rc != 2; i++) {
        size_t len = 0;
        char *data = slurp(argv[i], &len);
        if (!data) {
            fprintf(stderr, "sitrep: %s: %s\n", argv[i], strerror(errno));
            skipped++;
            continue;
        }
        sitrep_status st = sitrep_corpus_add_snapshot(corpus, data, len);
        free(data);
        if (st == SITREP_ENOMEM) {
            fprintf(stderr, "sitrep: %s: out of memory\n", argv[i]);
            rc = 2;
        } else if (st == SITREP_EFORMAT) {
            fprintf(stderr, "sitrep: %s: not a snapshot of this sitrep build, or damaged\n", argv[i]);
            skipped++;
        } else if (st == SITREP_EARG) {
            fprintf(stderr, "sitrep: %s: made with other options (--text, --max-bytes) than the snapshots before%s\n",
                    argv[i], db ? ", or without its articles (extract --snapshot OUT --articles)" : "");
            skipped++;
        } else if (st != SITREP_OK) {
            fprintf(stderr, "sitrep: %s: %s\n", argv[i], sitrep_strerror(st));
            skipped++;
        }
    }
    if (rc != 2) {
        if (out) {
            rc = write_snapshot_file(corpus, out);
        } else if (db) {
            rc = merge_into_store(corpus, db);
        } else if (sitrep_corpus_write_json(corpus, 0, write_stdout, NULL) != SITREP_OK || fflush(stdout) != 0) {
            fprintf(stderr, "sitrep: cannot write output: %s\n", strerror(errno));
            rc = 2;
        }
    }
    sitrep_corpus_free(corpus);
    if (rc != 2 && skipped) {
        fprintf(stderr, "sitrep: %zu snapshot(s) skipped\n", skipped);
        rc = 1;
    }
    return rc;
}
