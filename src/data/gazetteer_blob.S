/*
 * gazetteer_blob.S -- embeds the gazetteer blob compiled by tools/mkgaz.c
 * (read by gazetteer.c) in the library's read-only data, and the Bloom
 * filter of its name keys (tools/mkgazbloom.c, which checks the blob).
 *
 * SR_GAZ_BLOB_PATH and SR_GAZ_BLOOM_PATH are their paths as string
 * literals, set by CMakeLists.txt, which also rebuilds this object when
 * they change.  Exports, hidden: sr_gaz_blob (first byte, 8-aligned) and
 * sr_gaz_blob_end (one past the last); sr_gaz_bloom (64-aligned) and
 * sr_gaz_bloom_end.  '%' spells section and symbol types so that x86
 * and ARM assemblers both take it.
 */
#ifndef SR_GAZ_BLOB_PATH
#error "define SR_GAZ_BLOB_PATH as the path of the compiled gazetteer blob"
#endif
#ifndef SR_GAZ_BLOOM_PATH
#error "define SR_GAZ_BLOOM_PATH as the path of the gazetteer's Bloom filter"
#endif

    .section .rodata.sr_gaz_blob, "a", %progbits
    .balign 8
    .globl sr_gaz_blob
    .hidden sr_gaz_blob
    .type sr_gaz_blob, %object
sr_gaz_blob:
    .incbin SR_GAZ_BLOB_PATH
    .size sr_gaz_blob, . - sr_gaz_blob
    .globl sr_gaz_blob_end
    .hidden sr_gaz_blob_end
    .type sr_gaz_blob_end, %object
sr_gaz_blob_end:
    .byte 0
    .size sr_gaz_blob_end, 1

    .section .rodata.sr_gaz_bloom, "a", %progbits
    .balign 64
    .globl sr_gaz_bloom
    .hidden sr_gaz_bloom
    .type sr_gaz_bloom, %object
sr_gaz_bloom:
    .incbin SR_GAZ_BLOOM_PATH
    .size sr_gaz_bloom, . - sr_gaz_bloom
    .globl sr_gaz_bloom_end
    .hidden sr_gaz_bloom_end
    .type sr_gaz_bloom_end, %object
sr_gaz_bloom_end:
    .byte 0
    .size sr_gaz_bloom_end, 1

    .section .note.GNU-stack, "", %progbits
