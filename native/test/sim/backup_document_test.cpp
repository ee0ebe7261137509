// InitializeForBackup with a Backup Components Document: Windows refuses one that is not well-formed XML with
// VSS_E_INVALID_XML_DOCUMENT, and so does the simulator; a document SaveAsXML wrote loads back whole.
#include "sim/backup_document.h"
#include "sim/xml_check.h"
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

TEST(XmlCheck, WellFormedDocuments) {
  for (const WString& text : {
           WString(u"<BACKUP/>"),
           WString(u"<?xml version=\"1.0\"?>\r\n<BACKUP a='1' b=\"&lt;&#65;&#x42;\"><X>t&amp;t</X><!-- c --></BACKUP>\n"),
           WString(u"\uFEFF<a><b><![CDATA[<not a tag>]]></b><?pi x?></a><!-- after -->"),
           WString(u"<ns:doc xmlns:ns=\"urn:x\">caf\u00e9</ns:doc>"),
       }) {
    EXPECT_TRUE(isWellFormedXml(text)) << std::string(text.begin(), text.end());
  }
}

TEST(XmlCheck, NotWellFormed) {
  for (const WString& text : {
           WString(u""), WString(u"   "), WString(u"not xml"), WString(u"<a>"), WString(u"<a></b>"),
           WString(u"<a/><b/>"), WString(u"<a/>trailing"), WString(u"<a x=1/>"), WString(u"<a x='1/>"),
           WString(u"<a>&nbsp;</a>"), WString(u"<a>&amp</a>"), WString(u"<a><b></a></b>"), WString(u"<1a/>"),
           WString(u"<a><!-- open</a>"), WString(u"<a x='<'/>"), WString(u"<!DOCTYPE a><a/>"),
           WString(u"<a>\0</a>", 8),
       }) {
    EXPECT_FALSE(isWellFormedXml(text)) << std::string(text.begin(), text.end());
  }
}

TEST(XmlCheck, DeepNestingNeedsNoDeepStack) {
  WString deep;
  for (int i = 0; i < 200000; ++i) deep += u"<a>";
  for (int i = 0; i < 200000; ++i) deep += u"</a>";
  EXPECT_TRUE(isWellFormedXml(deep));
}

TEST(XmlCheck, ParsedElementsKeepTheirParentsAndDecodedAttributes) {
  const auto elements = parseXml(u"<r a='x&amp;&#65;&#x42;'><w><c n=\"&lt;1&gt;\"/></w><w/></r>");
  ASSERT_TRUE(elements.has_value());
  ASSERT_EQ(elements->size(), 4u);
  EXPECT_EQ((*elements)[0].parent, -1);
  ASSERT_NE((*elements)[0].attribute("a"), nullptr);
  EXPECT_EQ(*(*elements)[0].attribute("a"), u"x&AB");
  EXPECT_EQ((*elements)[1].parent, 0);
  EXPECT_EQ((*elements)[2].tag, u"c");
  EXPECT_EQ((*elements)[2].parent, 1);
  EXPECT_EQ(*(*elements)[2].attribute("n"), u"<1>");
  EXPECT_EQ((*elements)[3].parent, 0);
  EXPECT_EQ((*elements)[3].attribute("n"), nullptr);
  EXPECT_FALSE(parseXml(u"<r a='&#x110000;'/>").has_value());  // past what UTF-16 holds in one unit
}

ObjectState documented() {
  ObjectState object;
  object.selectComponents = true;
  object.backupType = backup_type::DIFFERENTIAL;
  object.snapshotSetId = Guid{0x0123456789abcdefULL, 0xfedcba9876543210ULL};
  AddedComponent db1{Guid{1, 2}, Guid{3, 4}, component_type::DATABASE, u"INSTANCE1", u"db<1>", 1};
  db1.backupStamp = u"{stamp}";
  db1.previousBackupStamp = u"old & older";
  db1.backupOptions = u"COPY_ONLY=\"1\"";
  AddedComponent config{Guid{1, 2}, Guid{3, 4}, component_type::FILE_GROUP, u"", u"Config", 0};
  config.failure = hr::kWriterErrorRetryable;
  AddedComponent other{Guid{5, 6}, Guid{7, 8}, component_type::DATABASE, u"X", u"y", -1};
  object.components = {db1, config, other};
  return object;
}

TEST(BackupDocument, WhatIsWrittenReadsBack) {
  const ObjectState written = documented();
  const WString document = backupComponentsDocument(written, u"HOST1");
  ObjectState read;
  ASSERT_EQ(readBackupComponentsDocument(document, u"HOST1", DocumentUse::Backup, read), hr::kOk);
  EXPECT_TRUE(read.fromDocument);
  EXPECT_TRUE(read.selectComponents);
  EXPECT_EQ(read.backupType, backup_type::DIFFERENTIAL);
  EXPECT_EQ(read.snapshotSetId, written.snapshotSetId);
  ASSERT_EQ(read.components.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    const AddedComponent& a = written.components[i];
    const AddedComponent& b = read.components[i];
    EXPECT_EQ(b.instanceId, a.instanceId);
    EXPECT_EQ(b.writerId, a.writerId);
    EXPECT_EQ(b.type, a.type);
    EXPECT_EQ(b.logicalPath, a.logicalPath);
    EXPECT_EQ(b.name, a.name);
    EXPECT_EQ(b.succeeded, a.succeeded);
    EXPECT_EQ(b.backupStamp, a.backupStamp);
    EXPECT_EQ(b.previousBackupStamp, a.previousBackupStamp);
    EXPECT_EQ(b.backupOptions, a.backupOptions);
    EXPECT_EQ(b.failure, a.failure);
  }
  // Written again, it is the same document.
  EXPECT_EQ(backupComponentsDocument(read, u"HOST1"), document);
}

TEST(BackupDocument, ADocumentSavedInARestoreIsNoBackupToResume) {
  ObjectState restoring = documented();
  restoring.phase = ObjectPhase::RestorePrepared;
  const WString document = backupComponentsDocument(restoring, u"HOST1");
  ObjectState forBackup;
  EXPECT_EQ(readBackupComponentsDocument(document, u"HOST1", DocumentUse::Backup, forBackup), hr::kInvalidXmlDocument);
  EXPECT_TRUE(forBackup.components.empty()) << "nothing loaded";
  ObjectState forRestore;
  ASSERT_EQ(readBackupComponentsDocument(document, u"HOST1", DocumentUse::Restore, forRestore), hr::kOk);
  EXPECT_EQ(forRestore.components.size(), 3u);
  // A backup's own document still resumes a backup.
  ObjectState backup;
  EXPECT_EQ(readBackupComponentsDocument(backupComponentsDocument(documented(), u"HOST1"), u"HOST1",
                                         DocumentUse::Backup, backup),
            hr::kOk);
}

TEST(BackupDocument, ForeignDamagedAndOtherDocumentsAreRefused) {
  const WString document = backupComponentsDocument(documented(), u"HOST1");
  ObjectState untouched;
  EXPECT_EQ(readBackupComponentsDocument(document, u"HOST2", DocumentUse::Backup, untouched),
            hr::kInvalidXmlDocument);
  auto damaged = [&](const std::u16string& from, const std::u16string& to) {
    WString text = document;
    const std::size_t at = text.find(from);
    EXPECT_NE(at, WString::npos) << std::string(from.begin(), from.end());
    if (at != WString::npos) text.replace(at, from.size(), to);
    return text;
  };
  for (const WString& text : {
           damaged(u"backupType=\"differential\"", u"backupType=\"weekly\""),
           damaged(u"selectComponents=\"yes\"", u""),
           damaged(u"componentType=\"database\"", u"componentType=\"table\""),
           damaged(u"backupSucceeded=\"yes\"", u"backupSucceeded=\"maybe\""),
           damaged(u"failure=\"0x800423F3\"", u"failure=\"bad\""),
           damaged(u"writerId=\"{", u"writerId=\"{x"),
           damaged(u"componentName=\"Config\"", u""),
           damaged(u"<COMPONENT", u"<THING"),
           damaged(u"BACKUP_COMPONENTS xmlns", u"BACKUP xmlns").substr(0, 40),  // cut short: not XML
           WString(u"<BACKUP/>"),
           WString(u"<BACKUP_COMPONENTS machine=\"HOST1\"/>"),
       }) {
    EXPECT_EQ(readBackupComponentsDocument(text, u"HOST1", DocumentUse::Backup, untouched), hr::kInvalidXmlDocument)
        << std::string(text.begin(), text.end());
  }
  EXPECT_FALSE(untouched.fromDocument);
  EXPECT_TRUE(untouched.components.empty());
}

TEST_F(SimTest, InitializeForBackupRefusesADocumentThatIsNotXml) {
  const WString bad = u"<BACKUP>";
  auto object = create();
  EXPECT_EQ(object->initializeForBackup(&bad), hr::kInvalidXmlDocument);
  const WString foreign = backupComponentsDocument(ObjectState{}, u"ELSEWHERE");
  EXPECT_EQ(object->initializeForBackup(&foreign), hr::kInvalidXmlDocument);
  const WString ours = backupComponentsDocument(ObjectState{}, u"VSS4J-SIM");
  EXPECT_EQ(object->initializeForBackup(&ours), hr::kOk);
}

}  // namespace
}  // namespace vss4j::sim::test
