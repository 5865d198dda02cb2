/*
 * mkgazbloom.c -- build-time check of the compiled gazetteer, and its
 * Bloom filter (src/data/gazetteer.c).
 *
 *   mkgazbloom GAZETTEER.bin OUT.bin
 *
 * Runs the check of every offset and index (sr_gaz_check) on the blob of
 * tools/mkgaz.c and writes the Bloom filter of its name keys,
 * SR_GAZ_BLOOM_WORDS 64-bit words in the build's byte order, which
 * src/data/gazetteer_blob.S embeds beside the blob.  The library then
 * trusts the embedded blob and reads only its header: the check and the
 * filter cost each process nothing.  A blob that fails the check fails the
 * build.
 */
#include "gazetteer.h"

#include <stdio.h>
#include <stdlib.h>

/* gazetteer.c names the embedded blob and filter of the library
 * (gazetteer_blob.S); this tool reads a blob from a file and never asks
 * for them. */
const unsigned char sr_gaz_blob[1], sr_gaz_blob_end[1], sr_gaz_bloom_end[1];
const uint64_t sr_gaz_bloom[1];

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: mkgazbloom GAZETTEER.bin OUT.bin\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    unsigned char *data = NULL;
    size_t size = 0, cap = 0;
    for (;;) {
        if (size == cap) {
            cap = cap ? 2 * cap : (size_t)1 << 24;
            unsigned char *d = realloc(data, cap);
            if (!d) {
                fprintf(stderr, "mkgazbloom: out of memory\n");
                return 1;
            }
            data = d;
        }
        size_t got = fread(data + size, 1, cap - size, in);
        size += got;
        if (got == 0)
            break;
    }
    if (ferror(in)) {
        perror(argv[1]);
        return 1;
    }
    fclose(in);
    uint64_t *bloom = malloc(SR_GAZ_BLOOM_WORDS * sizeof *bloom);
    if (!bloom) {
        fprintf(stderr, "mkgazbloom: out of memory\n");
        return 1;
    }
    if (!sr_gaz_bloom_fill(data, size, bloom)) {
        fprintf(stderr, "mkgazbloom: %s fails the gazetteer's check (an offset or index out of bounds)\n",
                argv[1]);
        return 1;
    }
    FILE *out = fopen(argv[2], "wb");
    if (!out || fwrite(bloom, sizeof *bloom, SR_GAZ_BLOOM_WORDS, out) != SR_GAZ_BLOOM_WORDS ||
        fclose(out) != 0) {
        perror(argv[2]);
        remove(argv[2]);
        return 1;
    }
    free(bloom);
    free(data);
    return 0;
}
