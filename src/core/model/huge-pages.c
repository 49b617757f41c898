/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Huge pages for large blocks: Linux only (madvise); elsewhere the system's pages serve. Linux
 * with transparent huge pages in "madvise" mode (Debian's default) gives them only when asked. */
#include "config.h"

#ifdef __linux__
/* Strict C11 hides madvise; config.h includes no system header, so this comes in time. */
# define _DEFAULT_SOURCE 1
# include <sys/mman.h>
#endif

#include "arena-private.h"

void
lcs_advise_huge_pages (gpointer block,
                       gsize    size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  /* Advice only: where it is refused (no THP in the kernel), the block works as it is. */
  (void) madvise (block, size, MADV_HUGEPAGE);
#else
  (void) block;
  (void) size;
#endif
}
