// InitializeForBackup with a Backup Components Document: Windows refuses one that is not well-formed XML with
// VSS_E_INVALID_XML_DOCUMENT, and so does the simulator.
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

TEST_F(SimTest, InitializeForBackupRefusesADocumentThatIsNotXml) {
  const WString bad = u"<BACKUP>";
  auto object = create();
  EXPECT_EQ(object->initializeForBackup(&bad), hr::kInvalidXmlDocument);
  const WString good = u"<BACKUP/>";
  EXPECT_EQ(object->initializeForBackup(&good), hr::kOk);
}

}  // namespace
}  // namespace vss4j::sim::test
