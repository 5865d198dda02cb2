/*
 * fuzz_part.c -- a shard's snapshot file (sitrep extract --snapshot OUT
 * --articles) as a forger would make it.  A well-formed snapshot of a
 * small corpus that keeps its articles is made once; each input damages
 * it: the first two bytes say where it is cut, the rest is XORed over it
 * from an offset the next two bytes give, and the articles' checksum is
 * made to match again (so the damage reaches the article records, not
 * only the CRC).  Merging must refuse it (SITREP_EFORMAT, SITREP_EARG) or
 * give a corpus whose records can be written and whose articles a store
 * takes (sitrep_store_add_corpus, rolled back): never read out of bounds,
 * leak or crash.
 */
#include "sitrep.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

static const char *const articles[] = {
    "Gunmen attacked a police post near Kirkuk on Friday, killing 3 officers and wounding 5, police said.\n",
    "Police said on Saturday that 3 officers were killed when gunmen attacked a post near Kirkuk on Friday.\n",
    ("An air strike hit a depot near Idlib in 2024, the monitor said. Attacks rose to 40 in 2024 from 20 in 2023, "
     "and are on track to double, it said.\n"),
};

/* The header of a snapshot file (corpus/merge.c): the articles' size at
 * 40, the z_len at 32, the checksum at 56. */
enum { HEAD = 64, AT_ZLEN = 32, AT_ARTLEN = 40, AT_CRC = 56 };

static char *good;
static size_t good_len;
static char db[64];

static int collect(const char *data, size_t len, void *ctx)
{
    (void)ctx;
    char *g = realloc(good, good_len + len);
    if (!g)
        abort();
    memcpy(g + good_len, data, len);
    good = g;
    good_len += len;
    return 0;
}

static int discard(const char *data, size_t len, void *ctx)
{
    (void)data;
    (void)len;
    (void)ctx;
    return 0;
}

static void remove_db(void)
{
    const char *const ext[] = {"", "-wal", "-shm", "-writer"};
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        char p[80];
        snprintf(p, sizeof p, "%s%s", db, ext[i]);
        unlink(p);
    }
}

static void make_good(void)
{
    sitrep_corpus *c;
    if (sitrep_corpus_new(NULL, &c) != SITREP_OK || sitrep_corpus_keep_articles(c) != SITREP_OK)
        abort();
    for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++) {
        char id[16];
        snprintf(id, sizeof id, "a%zu", i);
        sitrep_doc_hints h = {"https://example.org/a", "A title", NULL, "Example"};
        sitrep_doc *doc;
        if (sitrep_doc_from_memory(id, articles[i], strlen(articles[i]), &h, NULL, &doc) != SITREP_OK ||
            sitrep_corpus_add(c, doc) != SITREP_OK)
            abort();
        sitrep_doc_free(doc);
    }
    if (sitrep_corpus_write_snapshot(c, collect, NULL) != SITREP_OK || good_len < HEAD)
        abort();
    sitrep_corpus_free(c);
    const char *tmp = getenv("TMPDIR"); /* make fuzz-long: a tmpfs */
    snprintf(db, sizeof db, "%s/fuzz_part-%ld.db", tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp",
             (long)getpid());
    atexit(remove_db);
}

static void article_crc(char *snap, size_t len)
{
    uint64_t zlen, alen;
    memcpy(&zlen, snap + AT_ZLEN, sizeof zlen);
    memcpy(&alen, snap + AT_ARTLEN, sizeof alen);
    if (zlen > len - HEAD || alen != len - HEAD - zlen)
        return; /* the sizes themselves damaged: refused before the checksum */
    uint64_t crc = crc32(crc32(0L, Z_NULL, 0), (const Bytef *)snap + HEAD + zlen, (uInt)alen);
    memcpy(snap + AT_CRC, &crc, sizeof crc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!good)
        make_good();
    if (size < 4)
        return 0;
    size_t cut = ((size_t)data[0] << 8 | data[1]) % (good_len + 1);
    size_t at = ((size_t)data[2] << 8 | data[3]) % (good_len + 1);
    char *snap = malloc(good_len);
    if (!snap)
        return 0;
    memcpy(snap, good, good_len);
    for (size_t i = 4; i < size && at + i - 4 < good_len; i++)
        snap[at + i - 4] ^= (char)data[i];
    size_t len = size > 4 ? good_len : cut; /* damage by XOR, or by cutting */
    if (len >= HEAD)
        article_crc(snap, len);
    sitrep_corpus *c;
    if (sitrep_corpus_new(NULL, &c) == SITREP_OK) {
        if (sitrep_corpus_keep_articles(c) == SITREP_OK && sitrep_corpus_add_snapshot(c, snap, len) == SITREP_OK) {
            sitrep_store *s = NULL;
            if (sitrep_store_open(db, NULL, &s) == SITREP_OK)
                (void)sitrep_store_add_corpus(s, c, NULL, NULL);
            sitrep_store_close(s); /* not committed: rolled back */
            (void)sitrep_corpus_write_json(c, 0, discard, NULL);
        }
        sitrep_corpus_free(c);
    }
    free(snap);
    return 0;
}
