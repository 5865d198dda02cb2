/*
 * test_corpus_order.c -- what many articles say together does not depend
 * on the order they come in.
 *
 *   test_corpus_order TESTS_DIR SHARED_DIR
 *
 * Reads every article of SHARED_DIR/seeds (at test time; nothing of them is
 * in the repository) and adds them to a sitrep_corpus one at a time in
 * every order (5 articles: 120 orders), then checks that each order writes
 * byte for byte the same records: documents with their stories and dates,
 * stories, entities, claims merged across articles, events, conflicts and
 * trends.  It also checks that those kinds of records are there at all, so
 * the comparison compares something, and that undated articles were dated
 * by their story.  Skips (exit 77) when the seeds are missing.
 */
#include "sitrep.h"
#include "test.h"

#include <dirent.h>
#include <stdbool.h>

#define MAXDOCS 8

static char *names[MAXDOCS], *texts[MAXDOCS];
static size_t lens[MAXDOCS], ndocs;

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool load(const char *shared)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/seeds", shared);
    DIR *d = opendir(dir);
    if (!d)
        return false;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && ndocs < MAXDOCS) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)
            continue;
        names[ndocs++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, ndocs, sizeof names[0], cmp_name);
    for (size_t i = 0; i < ndocs; i++) {
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        texts[i] = read_file(path, &lens[i]);
        if (!texts[i])
            return false;
        names[i][strlen(names[i]) - 4] = '\0'; /* the id: the name without .txt */
    }
    return ndocs >= 2;
}

/* The records of the corpus made by adding the articles in `order`. */
static char *run(const size_t *order)
{
    sitrep_corpus *c;
    sbuf out = {0};
    if (sitrep_corpus_new(NULL, &c) != SITREP_OK)
        return NULL;
    for (size_t k = 0; k < ndocs; k++) {
        size_t i = order[k];
        sitrep_doc *doc;
        if (sitrep_doc_from_memory(names[i], texts[i], lens[i], NULL, NULL, &doc) != SITREP_OK) {
            sitrep_corpus_free(c);
            return NULL;
        }
        CHECK(sitrep_corpus_add(c, doc) == SITREP_OK);
        sitrep_doc_free(doc);
    }
    CHECK(sitrep_corpus_write_json(c, 0, sbuf_write, &out) == SITREP_OK);
    /* a finished corpus takes no more articles */
    sitrep_doc *late;
    if (sitrep_doc_from_memory("late", texts[0], lens[0], NULL, NULL, &late) == SITREP_OK) {
        CHECK(sitrep_corpus_add(c, late) == SITREP_EARG);
        sitrep_doc_free(late);
    }
    sitrep_corpus_free(c);
    return out.p;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)) != NULL; p++)
        n++;
    return n;
}

/* Heap's algorithm: every permutation of order[0..n). */
static size_t orders_run, orders_differ;
static const char *reference;

static void permute(size_t *order, size_t n)
{
    if (n == 1) {
        char *got = run(order);
        orders_run++;
        if (!got || strcmp(got, reference) != 0) {
            orders_differ++;
            if (orders_differ == 1) {
                fprintf(stderr, "order");
                for (size_t i = 0; i < ndocs; i++)
                    fprintf(stderr, " %s", names[order[i]]);
                fprintf(stderr, " writes other records\n");
            }
        }
        free(got);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        permute(order, n - 1);
        size_t j = n % 2 ? 0 : i, t = order[j];
        order[j] = order[n - 1];
        order[n - 1] = t;
    }
}

int main(int argc, char **argv)
{
    if (argc < 3 || !load(argv[2])) {
        fprintf(stderr, "test_corpus_order: no seed articles under %s/seeds; skipped\n",
                argc >= 3 ? argv[2] : "(none)");
        return 77;
    }
    size_t order[MAXDOCS];
    for (size_t i = 0; i < ndocs; i++)
        order[i] = i;
    char *ref = run(order);
    CHECK(ref != NULL);
    if (!ref)
        return test_summary();
    reference = ref;
    /* the kinds of records the comparison is about are there */
    CHECK(count(ref, "\"type\":\"story\"") >= 1);
    CHECK(count(ref, "\"type\":\"story\"") < ndocs); /* some articles share a story */
    CHECK(count(ref, "\"type\":\"claim\"") >= 1);
    CHECK(count(ref, "\"status\":\"corroborated\"") >= 1);
    CHECK(count(ref, "\"type\":\"event\"") >= 1);
    CHECK(count(ref, "\"type\":\"conflict\"") >= 1);
    CHECK(count(ref, "\"type\":\"trend\"") >= 1);
    CHECK(count(ref, "\"published_basis\":\"from its story") >= 1);
    permute(order, ndocs);
    fprintf(stderr, "%zu orders, %zu wrote other records\n", orders_run, orders_differ);
    CHECK(orders_run >= 2);
    CHECK(orders_differ == 0);
    free(ref);
    for (size_t i = 0; i < ndocs; i++) {
        free(names[i]);
        free(texts[i]);
    }
    return test_summary();
}
