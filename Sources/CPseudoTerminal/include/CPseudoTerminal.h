#ifndef CPSEUDOTERMINAL_H
#define CPSEUDOTERMINAL_H

#include <stddef.h>

/// Opens a new pseudo-terminal's master side (close-on-exec, not our controlling terminal), unlocks its other
/// side and writes that side's path into `name`. Returns the master's descriptor, or -1 with errno set.
int tcptutor_open_pseudo_terminal(char *name, size_t size);

#endif
