/*
 * fuzz_snapshot.c -- a corpus snapshot as a damaged database would hold
 * it.  A well-formed snapshot of a small corpus is made once; each input
 * then damages it: the first two bytes say where it is cut, the rest is
 * XORed over it from an offset the next two bytes give.  Loading must
 * refuse it (SITREP_EFORMAT) or give a corpus that can be written, and
 * merged into another corpus (corpus/merge.c) that can be written, never
 * read out of bounds, leak or crash.
 */
#include "sitrep.h"

#include "core/core.h"
#include "corpus/corpus.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const articles[] = {
    "Gunmen attacked a police post near Kirkuk on Friday, killing 3 officers and wounding 5, police said.\n",
    "Police said on Saturday that 3 officers were killed when gunmen attacked a post near Kirkuk on Friday.\n",
    ("An air strike hit a depot near Idlib in 2024, the monitor said. Attacks rose to 40 in 2024 from 20 in 2023, "
     "and are on track to double, it said.\n"),
};

static sr_buf good;
static sitrep_doc *other; /* the article of the corpus it is merged into */

static void make_good(void)
{
    sitrep_corpus *c;
    if (sitrep_corpus_new(NULL, &c) != SITREP_OK)
        abort();
    for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++) {
        char id[16];
        snprintf(id, sizeof id, "a%zu", i);
        sitrep_doc *doc;
        if (sitrep_doc_from_memory(id, articles[i], strlen(articles[i]), NULL, NULL, &doc) != SITREP_OK ||
            sitrep_corpus_add(c, doc) != SITREP_OK || sitrep_corpus_add_mentions(c, doc) != SITREP_OK)
            abort();
        sitrep_doc_free(doc);
    }
    sr_buf_init(&good, NULL);
    if (sr_corpus_save(c, &good) != SITREP_OK)
        abort();
    sitrep_corpus_free(c);
    /* analysed once: the corpus borrows it (sitrep_corpus_add) */
    if (sitrep_doc_from_memory("b0", articles[1], strlen(articles[1]), NULL, NULL, &other) != SITREP_OK)
        abort();
}

static int discard(const char *data, size_t len, void *ctx)
{
    (void)data;
    (void)len;
    (void)ctx;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!good.len)
        make_good();
    if (size < 4)
        return 0;
    size_t cut = ((size_t)data[0] << 8 | data[1]) % (good.len + 1);
    size_t at = ((size_t)data[2] << 8 | data[3]) % (good.len + 1);
    char *snap = malloc(good.len ? good.len : 1);
    if (!snap)
        return 0;
    memcpy(snap, good.data, good.len);
    for (size_t i = 4; i < size && at + i - 4 < good.len; i++)
        snap[at + i - 4] ^= (char)data[i];
    size_t len = size > 4 ? good.len : cut; /* damage by XOR, or by cutting */
    sitrep_corpus *c, *into = NULL;
    if (sitrep_corpus_new(NULL, &c) == SITREP_OK) {
        if (sr_corpus_load(c, snap, len) == SITREP_OK) {
            /* merged after an article of another corpus, then written */
            if (sitrep_corpus_new(NULL, &into) == SITREP_OK && sitrep_corpus_add(into, other) == SITREP_OK &&
                sr_corpus_absorb(into, c) == SITREP_OK)
                (void)sitrep_corpus_write_json(into, 0, discard, NULL);
            sitrep_corpus_free(into);
            (void)sitrep_corpus_write_json(c, 0, discard, NULL);
        }
        sitrep_corpus_free(c);
    }
    free(snap);
    return 0;
}
