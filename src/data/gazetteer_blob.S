/*
 * gazetteer_blob.S -- embeds the gazetteer blob compiled by tools/mkgaz.c
 * (read by gazetteer.c) in the library's read-only data.
 *
 * SR_GAZ_BLOB_PATH is the blob's path as a string literal, set by
 * CMakeLists.txt, which also rebuilds this object when the blob changes.
 * Exports, hidden: sr_gaz_blob (first byte, 8-aligned) and sr_gaz_blob_end
 * (one past the last).  '%' spells section and symbol types so that x86
 * and ARM assemblers both take it.
 */
#ifndef SR_GAZ_BLOB_PATH
#error "define SR_GAZ_BLOB_PATH as the path of the compiled gazetteer blob"
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

    .section .note.GNU-stack, "", %progbits
