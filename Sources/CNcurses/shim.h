// The parts of ncursesw that Swift needs, with the wide-character API
// switched on. Macros and globals that Swift cannot import become small
// inline functions here; everything else is imported as it is.
#ifndef OPTISCOPE_CNCURSES_SHIM_H
#define OPTISCOPE_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <ncursesw/curses.h>
#include <wchar.h>

#endif
