#include "sim/components.h"

#include <string>

#include "sim/text.h"

namespace vss4j::sim {
namespace {

char16_t folded(char16_t c) { return c >= u'a' && c <= u'z' ? static_cast<char16_t>(c - u'a' + u'A') : c; }

bool startsWithFolded(const WString& text, const WString& prefix) {
  if (prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (folded(text[i]) != folded(prefix[i])) return false;
  }
  return true;
}

WString ascii(const std::string& text) { return WString(text.begin(), text.end()); }

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

WString braced(const Guid& id) { return u"{" + ascii(id.toString()) + u"}"; }

const char* backupTypeName(std::int32_t type) {
  switch (type) {
    case backup_type::FULL: return "full";
    case backup_type::INCREMENTAL: return "incremental";
    case backup_type::DIFFERENTIAL: return "differential";
    case backup_type::LOG: return "log";
    case backup_type::COPY: return "copy";
    case backup_type::OTHER: return "other";
    default: return "undefined";
  }
}

const char* componentTypeName(std::int32_t type) {
  return type == component_type::DATABASE ? "database" : type == component_type::FILE_GROUP ? "filegroup" : "undefined";
}

bool setExists(ObjectPhase phase) { return phase == ObjectPhase::SnapshotDone || phase == ObjectPhase::Complete; }

}  // namespace

WString volumeOfPath(const std::vector<VolumeSpec>& volumes, const WString& path) {
  WString directory = path;
  if (directory.empty() || directory.back() != u'\\') directory += u'\\';
  const VolumeSpec* best = nullptr;
  for (const VolumeSpec& volume : volumes) {
    if (!startsWithFolded(directory, volume.name)) continue;
    if (best == nullptr || volume.name.size() > best->name.size()) best = &volume;
  }
  return best == nullptr ? WString() : best->guidName;
}

WriterMetadata describeWriter(const WriterSpec& writer, const std::vector<VolumeSpec>& volumes) {
  constexpr std::int32_t kUsageUserData = 3;  // VSS_UT_USERDATA
  constexpr std::int32_t kSourceOther = 3;    // VSS_ST_OTHER
  WriterMetadata metadata{writer.instanceId, writer.writerId, writer.name, kUsageUserData, kSourceOther,
                          writer.restoreMethod, writer.backupSchema, writer.excludeFiles, writer.components};
  for (FileDescriptor& file : metadata.excludeFiles) file.volume = volumeOfPath(volumes, file.path);
  for (WriterComponent& component : metadata.components) {
    for (FileDescriptor& file : component.files) file.volume = volumeOfPath(volumes, file.path);
  }
  return metadata;
}

const WriterComponent* findComponent(const WriterSpec& writer, std::int32_t type, const WString& logicalPath,
                                     const WString& name) {
  for (const WriterComponent& component : writer.components) {
    if (component.type == type && component.logicalPath == logicalPath && component.name == name) return &component;
  }
  return nullptr;
}

std::vector<RecordedComponent> recordedComponents(const ObjectState& object) {
  std::vector<RecordedComponent> rows;
  for (const AddedComponent& added : object.components) {
    RecordedComponent row;
    row.instanceId = added.instanceId;
    row.writerId = added.writerId;
    row.type = added.type;
    row.logicalPath = added.logicalPath;
    row.componentName = added.name;
    row.backupSucceeded = added.succeeded == 1;
    if (setExists(object.phase)) row.backupStamp = braced(object.snapshotSetId);
    row.previousBackupStamp = added.previousBackupStamp;
    row.backupOptions = added.backupOptions;
    rows.push_back(std::move(row));
  }
  return rows;
}

WString backupComponentsDocument(const ObjectState& object) {
  WString xml = u"<?xml version=\"1.0\"?>\n<BACKUP_COMPONENTS";
  appendAttribute(xml, "xmlns", u"x-schema:#VssComponentMetadata");
  appendAttribute(xml, "version", u"1.2");
  appendAttribute(xml, "selectComponents", yesNo(object.selectComponents));
  appendAttribute(xml, "bootableSystemStateBackup", yesNo(object.bootableSystemState));
  appendAttribute(xml, "backupType", ascii(backupTypeName(object.backupType)));
  appendAttribute(xml, "partialFileSupport", yesNo(object.partialFileSupport));
  if (!object.snapshotSetId.isNull()) appendAttribute(xml, "snapshotSetId", braced(object.snapshotSetId));
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
      appendAttribute(xml, "componentType", ascii(componentTypeName(added.type)));
      // The writer stamps what it backed up once the copies exist (at PostSnapshot on Windows).
      if (setExists(object.phase)) appendAttribute(xml, "backupStamp", braced(object.snapshotSetId));
      if (added.succeeded >= 0) appendAttribute(xml, "backupSucceeded", yesNo(added.succeeded == 1));
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

}  // namespace vss4j::sim
