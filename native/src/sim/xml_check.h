// Whether a text is a well-formed XML document, as InitializeForBackup requires of a Backup Components
// Document (Windows answers VSS_E_INVALID_XML_DOCUMENT otherwise). Well-formedness only: the simulator does not
// know VSS's schema, and a document with a DTD is refused (a Backup Components Document has none).
#pragma once

#include "core/vss_types.h"

namespace vss4j::sim {

bool isWellFormedXml(const WString& text);

}  // namespace vss4j::sim
