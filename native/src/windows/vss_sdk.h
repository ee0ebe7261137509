// The Windows SDK's VSS headers, included in the order they need. Only windows/ includes this.
#pragma once

#include <windows.h>
#include <objbase.h>
#include <vss.h>
#include <vswriter.h>
#include <vsbackup.h>
#include <vsserror.h>
#include <vsmgmt.h>
