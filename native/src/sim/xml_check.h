// Whether a text is a well-formed XML document, as InitializeForBackup requires of a Backup Components
// Document (Windows answers VSS_E_INVALID_XML_DOCUMENT otherwise), and its elements with their attributes for
// backup_document.cpp to read. A document with a DTD is refused (a Backup Components Document has none).
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "core/vss_types.h"

namespace vss4j::sim {

// One element of a well-formed document: its tag, its attributes with references decoded, its parent's index
// (-1 for the root). Text content is not kept: the Backup Components Document holds everything in attributes.
struct XmlElement {
  WString tag;
  std::vector<std::pair<WString, WString>> attributes;
  int parent = -1;

  const WString* attribute(const char* name) const;  // nullptr when absent
};

bool isWellFormedXml(const WString& text);

// The elements in document order; nullopt when the text is not well-formed.
std::optional<std::vector<XmlElement>> parseXml(const WString& text);

}  // namespace vss4j::sim
