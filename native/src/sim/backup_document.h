// The Backup Components Document on the simulated machine: the XML SaveAsXML writes and InitializeForBackup takes
// back. Its layout is the simulator's own (Windows' schema is not public in full): a BACKUP_COMPONENTS root with
// the backup's settings and the machine it was written on, a WRITER_COMPONENTS per writer instance, a COMPONENT
// per added component with what was recorded for it.
#pragma once

#include "sim/object_state.h"

namespace vss4j::sim {

// Well-formed XML naming the backup's settings, the machine, each added component under its writer, and what the
// writer and the requester recorded for it (stamps, options, SetBackupSucceeded, a component failure); marked
// when a restore object saves it.
WString backupComponentsDocument(const ObjectState& object, const WString& machineName);

// Loads a document backupComponentsDocument wrote into `object`: the backup settings and the components with what
// was recorded; `object` is left as it was on failure. VSS_E_INVALID_XML_DOCUMENT (Microsoft documents it for a
// document InitializeForBackup cannot load) when the text is not well-formed XML, is no Backup Components
// Document, is damaged (an element or attribute missing, out of place, or holding no value it can hold), or was
// written on another machine [I: Windows' own checks on a foreign document are not documented]. A document saved
// by a restore object (SaveAsXML during a restore) is refused for a backup the same way [I]: it records a restore,
// not a backup to resume; a restore may load it.
enum class DocumentUse { Backup, Restore };
hresult readBackupComponentsDocument(const WString& xml, const WString& machineName, DocumentUse use,
                                     ObjectState& object);

}  // namespace vss4j::sim
