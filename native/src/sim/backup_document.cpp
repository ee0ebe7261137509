#include "sim/backup_document.h"

#include <cstdint>
#include <optional>
#include <string>

#include "sim/text.h"
#include "sim/xml_check.h"

namespace vss4j::sim {
namespace {

// Attribute values: the five characters XML reserves are escaped; everything else is copied.
void appendAttribute(WString& out, const char* name, const WString& value) {
  out += u' ';
  out += ascii(name);
  out += u"=\"";
  for (char16_t c : value) {
    switch (c) {
      case u'&': out += u"&amp;"; break;
      case u'<': out += u"&lt;"; break;
      case u'>': out += u"&gt;"; break;
      case u'"': out += u"&quot;"; break;
      case u'\'': out += u"&apos;"; break;
      default: out += c;
    }
  }
  out += u'"';
}

WString yesNo(bool value) { return value ? u"yes" : u"no"; }

// The names the document gives backup types and component types, by value.
constexpr const char* kBackupTypeNames[] = {"undefined", "full", "incremental", "differential", "log", "copy", "other"};
constexpr const char* kComponentTypeNames[] = {"undefined", "database", "filegroup"};

template <std::size_t N>
std::optional<std::int32_t> valueNamed(const char* const (&names)[N], const WString* text) {
  if (text == nullptr) return std::nullopt;
  for (std::size_t i = 0; i < N; ++i) {
    if (*text == ascii(names[i])) return static_cast<std::int32_t>(i);
  }
  return std::nullopt;
}

template <std::size_t N>
WString nameOf(const char* const (&names)[N], std::int32_t value) {
  return ascii(value >= 0 && static_cast<std::size_t>(value) < N ? names[value] : names[0]);
}

std::optional<bool> yesOrNo(const WString* text) {
  if (text == nullptr) return std::nullopt;
  if (*text == u"yes") return true;
  if (*text == u"no") return false;
  return std::nullopt;
}

std::optional<hresult> hresultOfHex(const WString& text) {
  if (text.size() != 10 || text[0] != u'0' || text[1] != u'x') return std::nullopt;
  std::uint32_t value = 0;
  for (std::size_t i = 2; i < text.size(); ++i) {
    const char16_t c = text[i];
    const std::uint32_t digit = c >= u'0' && c <= u'9' ? c - u'0' : c >= u'A' && c <= u'F' ? c - u'A' + 10 : 16;
    if (digit == 16) return std::nullopt;
    value = value << 4 | digit;
  }
  return static_cast<hresult>(value);
}

WString textOr(const WString* text) { return text == nullptr ? WString() : *text; }

// One COMPONENT element under the writer `writer`; nullopt when it is damaged.
std::optional<AddedComponent> componentOf(const XmlElement& element, const XmlElement& writer) {
  const WString* path = element.attribute("logicalPath");
  const WString* name = element.attribute("componentName");
  const auto type = valueNamed(kComponentTypeNames, element.attribute("componentType"));
  const auto instance = writer.attribute("instanceId") ? guidOfBraced(*writer.attribute("instanceId")) : std::nullopt;
  const auto writerId = writer.attribute("writerId") ? guidOfBraced(*writer.attribute("writerId")) : std::nullopt;
  if (path == nullptr || name == nullptr || name->empty() || !type || *type == component_type::UNDEFINED ||
      !instance || !writerId) {
    return std::nullopt;
  }
  AddedComponent added{*instance, *writerId, *type, *path, *name, -1};
  if (const WString* succeeded = element.attribute("backupSucceeded")) {
    const auto told = yesOrNo(succeeded);
    if (!told) return std::nullopt;
    added.succeeded = *told ? 1 : 0;
  }
  if (const WString* failure = element.attribute("failure")) {
    const auto value = hresultOfHex(*failure);
    if (!value) return std::nullopt;
    added.failure = *value;
  }
  added.backupOptions = textOr(element.attribute("backupOptions"));
  added.previousBackupStamp = textOr(element.attribute("previousBackupStamp"));
  added.backupStamp = textOr(element.attribute("backupStamp"));
  return added;
}

}  // namespace

WString backupComponentsDocument(const ObjectState& object, const WString& machineName) {
  WString xml = u"<?xml version=\"1.0\"?>\n<BACKUP_COMPONENTS";
  appendAttribute(xml, "xmlns", u"x-schema:#VssComponentMetadata");
  appendAttribute(xml, "version", u"1.2");
  appendAttribute(xml, "machine", machineName);
  appendAttribute(xml, "selectComponents", yesNo(object.selectComponents));
  appendAttribute(xml, "bootableSystemStateBackup", yesNo(object.bootableSystemState));
  appendAttribute(xml, "backupType", nameOf(kBackupTypeNames, object.backupType));
  appendAttribute(xml, "partialFileSupport", yesNo(object.partialFileSupport));
  if (!object.snapshotSetId.isNull()) appendAttribute(xml, "snapshotSetId", braced(object.snapshotSetId));
  if (isRestore(object.phase)) appendAttribute(xml, "savedInRestore", yesNo(true));
  xml += u">\n";
  // One WRITER_COMPONENTS per writer instance, in the order its first component was added.
  std::vector<const AddedComponent*> firsts;
  for (const AddedComponent& added : object.components) {
    bool seen = false;
    for (const AddedComponent* first : firsts) seen = seen || first->instanceId == added.instanceId;
    if (!seen) firsts.push_back(&added);
  }
  for (const AddedComponent* first : firsts) {
    xml += u"  <WRITER_COMPONENTS";
    appendAttribute(xml, "instanceId", braced(first->instanceId));
    appendAttribute(xml, "writerId", braced(first->writerId));
    xml += u">\n";
    for (const AddedComponent& added : object.components) {
      if (added.instanceId != first->instanceId) continue;
      xml += u"    <COMPONENT";
      appendAttribute(xml, "logicalPath", added.logicalPath);
      appendAttribute(xml, "componentName", added.name);
      appendAttribute(xml, "componentType", nameOf(kComponentTypeNames, added.type));
      if (!added.backupStamp.empty()) appendAttribute(xml, "backupStamp", added.backupStamp);
      if (added.succeeded >= 0) appendAttribute(xml, "backupSucceeded", yesNo(added.succeeded == 1));
      if (added.failure != hr::kOk) appendAttribute(xml, "failure", hexOf(added.failure));
      if (!added.backupOptions.empty()) appendAttribute(xml, "backupOptions", added.backupOptions);
      if (!added.previousBackupStamp.empty()) {
        appendAttribute(xml, "previousBackupStamp", added.previousBackupStamp);
      }
      xml += u"/>\n";
    }
    xml += u"  </WRITER_COMPONENTS>\n";
  }
  xml += u"</BACKUP_COMPONENTS>\n";
  return xml;
}

hresult readBackupComponentsDocument(const WString& xml, const WString& machineName, DocumentUse use,
                                     ObjectState& object) {
  const auto elements = parseXml(xml);
  if (!elements || elements->empty()) return hr::kInvalidXmlDocument;
  const XmlElement& root = elements->front();
  const WString* machine = root.attribute("machine");
  const auto select = yesOrNo(root.attribute("selectComponents"));
  const auto bootable = yesOrNo(root.attribute("bootableSystemStateBackup"));
  const auto partial = yesOrNo(root.attribute("partialFileSupport"));
  const auto type = valueNamed(kBackupTypeNames, root.attribute("backupType"));
  if (root.tag != u"BACKUP_COMPONENTS" || machine == nullptr || !select || !bootable || !partial || !type) {
    return hr::kInvalidXmlDocument;
  }
  if (*machine != machineName) return hr::kInvalidXmlDocument;
  if (root.attribute("savedInRestore") != nullptr && use == DocumentUse::Backup) return hr::kInvalidXmlDocument;
  std::optional<Guid> setId;
  if (const WString* id = root.attribute("snapshotSetId")) {
    setId = guidOfBraced(*id);
    if (!setId) return hr::kInvalidXmlDocument;
  }
  std::vector<AddedComponent> components;
  for (std::size_t i = 1; i < elements->size(); ++i) {
    const XmlElement& element = (*elements)[i];
    if (element.tag == u"WRITER_COMPONENTS" && element.parent == 0) continue;
    const XmlElement* parent = element.parent > 0 ? &(*elements)[static_cast<std::size_t>(element.parent)] : nullptr;
    if (element.tag != u"COMPONENT" || parent == nullptr || parent->tag != u"WRITER_COMPONENTS") {
      return hr::kInvalidXmlDocument;
    }
    auto added = componentOf(element, *parent);
    if (!added) return hr::kInvalidXmlDocument;
    components.push_back(std::move(*added));
  }
  object.selectComponents = *select;
  object.bootableSystemState = *bootable;
  object.partialFileSupport = *partial;
  object.backupType = *type;
  object.backupStateSet = true;
  object.snapshotSetId = setId.value_or(Guid{});
  object.components = std::move(components);
  object.fromDocument = true;
  return hr::kOk;
}

}  // namespace vss4j::sim
