<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Conclave::Core::AccountClient</name>
    <message>
        <source>Another account operation is still running. Wait until it has finished.</source>
        <translation>Ein anderer Vorgang für das Konto läuft noch. Warten Sie, bis er beendet ist.</translation>
    </message>
    <message>
        <source>You are not signed in to Team Sharing.</source>
        <translation>Sie sind nicht bei Team Sharing angemeldet.</translation>
    </message>
    <message>
        <source>The keys the sharing server holds for this account cannot be unlocked with this password. They may have been altered; nothing was changed.</source>
        <translation>Die Schlüssel, die der Sharing-Server für dieses Konto hat, lassen sich mit diesem Passwort nicht entsperren. Sie wurden vielleicht verändert; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The sharing server names another account for this address than before. Conclave does not sign in.</source>
        <translation>Der Sharing-Server nennt für diese Adresse ein anderes Konto als zuvor. Conclave meldet sich nicht an.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Das aktuelle Passwort ist falsch.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ApiError</name>
    <message>
        <source>The email address or the password is wrong.</source>
        <translation>Die E-Mail-Adresse oder das Passwort ist falsch.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Das aktuelle Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Your email address is not verified yet. Enter the code from the email the sharing server sent you.</source>
        <translation>Ihre E-Mail-Adresse ist noch nicht bestätigt. Geben Sie den Code aus der E-Mail ein, die Ihnen der Sharing-Server geschickt hat.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s administrators have turned off Team Sharing for you.</source>
        <translation>Die Administratoren Ihrer Organisation haben Team Sharing für Sie ausgeschaltet.</translation>
    </message>
    <message>
        <source>Their reason: %1</source>
        <translation>Ihre Begründung: %1</translation>
    </message>
    <message>
        <source>Too many attempts. Try again at %1.</source>
        <translation>Zu viele Versuche. Versuchen Sie es um %1 wieder.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again later.</source>
        <translation>Zu viele Versuche. Versuchen Sie es später wieder.</translation>
    </message>
    <message>
        <source>Your session with the sharing server has ended. Sign in again.</source>
        <translation>Ihre Sitzung beim Sharing-Server ist beendet. Melden Sie sich wieder an.</translation>
    </message>
    <message>
        <source>An account with this email address exists already.</source>
        <translation>Es gibt bereits ein Konto mit dieser E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>The sharing server says these keys belong to another account.</source>
        <translation>Laut Sharing-Server gehören diese Schlüssel zu einem anderen Konto.</translation>
    </message>
    <message>
        <source>The sharing server holds a different version already.</source>
        <translation>Der Sharing-Server hat bereits eine andere Fassung.</translation>
    </message>
    <message>
        <source>The verification code is wrong or has expired.</source>
        <translation>Der Bestätigungscode ist falsch oder abgelaufen.</translation>
    </message>
    <message>
        <source>This is not a valid email address.</source>
        <translation>Das ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Enter a name of at most 200 characters.</source>
        <translation>Geben Sie einen Namen mit höchstens 200 Zeichen ein.</translation>
    </message>
    <message>
        <source>The sharing server refused the value of &quot;%1&quot;.</source>
        <translation>Der Sharing-Server hat den Wert von „%1“ abgelehnt.</translation>
    </message>
    <message>
        <source>The sharing server has no such object.</source>
        <translation>Der Sharing-Server kennt dieses Objekt nicht.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Das dürfen Sie nicht.</translation>
    </message>
    <message>
        <source>The sharing server has a problem. Try again later.</source>
        <translation>Der Sharing-Server hat ein Problem. Versuchen Sie es später wieder.</translation>
    </message>
    <message>
        <source>The sharing server refused the request (%1).</source>
        <translation>Der Sharing-Server hat die Anfrage abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The identity of the sharing server cannot be verified: its TLS certificate is not trusted on this computer. Conclave does not connect to it.</source>
        <translation>Die Identität des Sharing-Servers lässt sich nicht prüfen: Sein TLS-Zertifikat ist auf diesem Computer nicht vertrauenswürdig. Conclave verbindet sich nicht mit ihm.</translation>
    </message>
    <message>
        <source>The sharing server cannot be reached. Check the network connection and the server address.</source>
        <translation>Der Sharing-Server ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung und die Adresse des Servers.</translation>
    </message>
    <message>
        <source>The sharing server did not answer in time. Try again later.</source>
        <translation>Der Sharing-Server hat nicht rechtzeitig geantwortet. Versuchen Sie es später wieder.</translation>
    </message>
    <message>
        <source>The sharing server is too old for this version of Conclave. Ask its administrator to update it.</source>
        <translation>Der Sharing-Server ist zu alt für diese Version von Conclave. Bitten Sie seinen Administrator, ihn zu aktualisieren.</translation>
    </message>
    <message>
        <source>The sharing server is newer than this version of Conclave. Update Conclave to use it.</source>
        <translation>Der Sharing-Server ist neuer als diese Version von Conclave. Aktualisieren Sie Conclave, um ihn zu nutzen.</translation>
    </message>
    <message>
        <source>The sharing server gave an answer Conclave does not understand.</source>
        <translation>Der Sharing-Server hat eine Antwort gegeben, die Conclave nicht versteht.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgegangen.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::AuditApi</name>
    <message>
        <source>The sharing server sent an audit answer that Conclave cannot read (at &quot;%1&quot;).</source>
        <translation>Der Sharing-Server hat eine Antwort zum Prüfprotokoll gesendet, die Conclave nicht lesen kann (bei „%1“).</translation>
    </message>
    <message>
        <source>The audit log is damaged. %1 Entries before this point verified.</source>
        <translation>Das Prüfprotokoll ist beschädigt. %1 Die Einträge vor dieser Stelle sind geprüft.</translation>
    </message>
    <message>
        <source>The audit log is intact: %1 entries and %2 checkpoints verified.</source>
        <translation>Das Prüfprotokoll ist unversehrt: %1 Einträge und %2 Checkpoints geprüft.</translation>
    </message>
    <message>
        <source>No entry is signed by a checkpoint yet.</source>
        <translation>Noch kein Eintrag ist durch einen Checkpoint signiert.</translation>
    </message>
    <message>
        <source>Entries after entry %1 are not signed by a checkpoint yet.</source>
        <translation>Die Einträge nach Eintrag %1 sind noch nicht durch einen Checkpoint signiert.</translation>
    </message>
    <message>
        <source>This computer checked the server&apos;s audit key for the first time and now trusts it: %1. Compare it with the key your server&apos;s operator publishes.</source>
        <translation>Dieser Computer hat den Protokollschlüssel des Servers zum ersten Mal geprüft und vertraut ihm nun: %1. Vergleichen Sie ihn mit dem Schlüssel, den der Betreiber Ihres Servers veröffentlicht.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::AuditTrust</name>
    <message>
        <source>The record of the audit keys this computer trusts (%1) is damaged. Remove it to trust the server&apos;s key again on the next check.</source>
        <translation>Die Liste der Protokollschlüssel, denen dieser Computer vertraut (%1), ist beschädigt. Entfernen Sie sie, um dem Schlüssel des Servers bei der nächsten Prüfung erneut zu vertrauen.</translation>
    </message>
    <message>
        <source>The pinned audit key of the sharing server is damaged.</source>
        <translation>Der gespeicherte Protokollschlüssel des Sharing-Servers ist beschädigt.</translation>
    </message>
    <message>
        <source>The audit checkpoint this computer remembers for the organisation is damaged.</source>
        <translation>Der Checkpoint des Prüfprotokolls, den dieser Computer für die Organisation gespeichert hat, ist beschädigt.</translation>
    </message>
    <message>
        <source>The sharing server&apos;s audit key differs from the pinned one.</source>
        <translation>Der Protokollschlüssel des Sharing-Servers weicht vom gespeicherten ab.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The record of trusted audit keys cannot be read.</source>
        <translation>Die Liste der vertrauenswürdigen Protokollschlüssel kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The record of trusted audit keys cannot be saved.</source>
        <translation>Die Liste der vertrauenswürdigen Protokollschlüssel kann nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::AuditVerifier</name>
    <message>
        <source>The audit entry holds text that is not UTF-8.</source>
        <translation>Der Protokolleintrag enthält Text, der kein UTF-8 ist.</translation>
    </message>
    <message>
        <source>The audit entry holds a value out of range.</source>
        <translation>Der Protokolleintrag enthält einen Wert außerhalb des zulässigen Bereichs.</translation>
    </message>
    <message>
        <source>The checkpoint at entry %1 has a bad signature: the server&apos;s audit key did not sign it.</source>
        <translation>Der Checkpoint bei Eintrag %1 hat eine ungültige Signatur: Der Protokollschlüssel des Servers hat ihn nicht signiert.</translation>
    </message>
    <message>
        <source>The checkpoint at entry %1 does not match the log: the entries up to it are not the ones the server signed.</source>
        <translation>Der Checkpoint bei Eintrag %1 passt nicht zum Protokoll: Die Einträge bis dahin sind nicht die, die der Server signiert hat.</translation>
    </message>
    <message>
        <source>The server sent the audit log of another organisation.</source>
        <translation>Der Server hat das Prüfprotokoll einer anderen Organisation gesendet.</translation>
    </message>
    <message>
        <source>The server now signs its audit log with a different key than the one this computer checked before. Do not trust this log until the server&apos;s operator has explained the change.</source>
        <translation>Der Server signiert sein Prüfprotokoll jetzt mit einem anderen Schlüssel als dem, den dieser Computer zuvor geprüft hat. Vertrauen Sie diesem Protokoll nicht, bis der Betreiber des Servers die Änderung erklärt hat.</translation>
    </message>
    <message>
        <source>The page after entry %1 does not continue the hash chain.</source>
        <translation>Die Seite nach Eintrag %1 setzt die Hash-Kette nicht fort.</translation>
    </message>
    <message>
        <source>The server says the log ends at entry %1, but it already sent entry %2.</source>
        <translation>Laut Server endet das Protokoll bei Eintrag %1, er hat aber bereits Eintrag %2 gesendet.</translation>
    </message>
    <message>
        <source>Entry %1 appears again after entry %2.</source>
        <translation>Eintrag %1 erscheint nach Eintrag %2 erneut.</translation>
    </message>
    <message>
        <source>The entries are out of order: entry %1 comes before entry %2.</source>
        <translation>Die Einträge sind nicht in der richtigen Reihenfolge: Eintrag %1 kommt vor Eintrag %2.</translation>
    </message>
    <message>
        <source>Entry %1 is missing: the log goes from entry %2 to entry %3.</source>
        <translation>Eintrag %1 fehlt: Das Protokoll springt von Eintrag %2 zu Eintrag %3.</translation>
    </message>
    <message>
        <source>Entry %1 cannot be read: its bytes are not an audit entry.</source>
        <translation>Eintrag %1 kann nicht gelesen werden: Seine Bytes sind kein Protokolleintrag.</translation>
    </message>
    <message>
        <source>Entry %1 holds entry %2: entries were moved.</source>
        <translation>Eintrag %1 enthält Eintrag %2: Einträge wurden verschoben.</translation>
    </message>
    <message>
        <source>Entry %1 belongs to the log of another organisation.</source>
        <translation>Eintrag %1 gehört zum Protokoll einer anderen Organisation.</translation>
    </message>
    <message>
        <source>Entry %1 was changed: its bytes do not match the hash chain.</source>
        <translation>Eintrag %1 wurde geändert: Seine Bytes passen nicht zur Hash-Kette.</translation>
    </message>
    <message>
        <source>The log was rewritten: up to entry %1 it no longer matches the checkpoint this computer verified before.</source>
        <translation>Das Protokoll wurde umgeschrieben: Bis Eintrag %1 passt es nicht mehr zu dem Checkpoint, den dieser Computer zuvor geprüft hat.</translation>
    </message>
    <message>
        <source>The checkpoint at entry %1 is not within the page of entries that carries it.</source>
        <translation>Der Checkpoint bei Eintrag %1 liegt nicht innerhalb der Seite mit Einträgen, die ihn enthält.</translation>
    </message>
    <message>
        <source>The server&apos;s newest checkpoint went back from entry %1 to entry %2.</source>
        <translation>Der neueste Checkpoint des Servers ist von Eintrag %1 auf Eintrag %2 zurückgegangen.</translation>
    </message>
    <message>
        <source>The checkpoint at entry %1 lies beyond the log&apos;s end at entry %2.</source>
        <translation>Der Checkpoint bei Eintrag %1 liegt hinter dem Ende des Protokolls bei Eintrag %2.</translation>
    </message>
    <message>
        <source>The log ends at entry %1, but the server says its newest entry is %2.</source>
        <translation>Das Protokoll endet bei Eintrag %1, laut Server ist sein neuester Eintrag aber %2.</translation>
    </message>
    <message>
        <source>The log ends at entry %1, but this computer verified a checkpoint at entry %2 before: entries were removed.</source>
        <translation>Das Protokoll endet bei Eintrag %1, dieser Computer hat aber zuvor einen Checkpoint bei Eintrag %2 geprüft: Einträge wurden entfernt.</translation>
    </message>
    <message>
        <source>The checkpoint at entry %1 was never met in the log&apos;s pages.</source>
        <translation>Der Checkpoint bei Eintrag %1 kam in den Seiten des Protokolls nie vor.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::BoundedFile</name>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 ist keine normale Datei.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>Die Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ClientLauncher</name>
    <message>
        <source>Could not create a private folder for the credentials: %1.</source>
        <translation>Für die Zugangsdaten konnte kein privater Ordner angelegt werden: %1.</translation>
    </message>
    <message>
        <source>Could not write the credentials file: %1.</source>
        <translation>Die Datei mit den Zugangsdaten konnte nicht geschrieben werden: %1.</translation>
    </message>
    <message>
        <source>The SSH key file %1 does not exist.</source>
        <translation>Die SSH-Schlüsseldatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The connection has no host to open.</source>
        <translation>Die Verbindung hat keinen Host, der geöffnet werden kann.</translation>
    </message>
    <message>
        <source>The host name %1 is not valid.</source>
        <translation>Der Hostname %1 ist ungültig.</translation>
    </message>
    <message>
        <source>Opening a connection through an SSH tunnel is not supported yet.</source>
        <translation>Das Öffnen einer Verbindung über einen SSH-Tunnel wird noch nicht unterstützt.</translation>
    </message>
    <message>
        <source>No client program is set for %1.</source>
        <translation>Für %1 ist kein Client-Programm eingestellt.</translation>
    </message>
    <message>
        <source>The %1 client &quot;%2&quot; is not installed or not on the search path. Install it or choose another client in Settings.</source>
        <translation>Der %1-Client „%2“ ist nicht installiert oder nicht im Suchpfad. Installieren Sie ihn oder wählen Sie in den Einstellungen einen anderen Client.</translation>
    </message>
    <message>
        <source>The terminal program &quot;%1&quot; was not found. Choose a terminal in Settings.</source>
        <translation>Das Terminalprogramm „%1“ wurde nicht gefunden. Wählen Sie in den Einstellungen ein Terminal.</translation>
    </message>
    <message>
        <source>Could not start &quot;%1&quot;: %2.</source>
        <translation>„%1“ konnte nicht gestartet werden: %2.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::Connection</name>
    <message>
        <source>&quot;%1&quot; is a TLS setting; set it in the TLS settings instead of as an option.</source>
        <translation>„%1“ ist eine TLS-Einstellung; legen Sie sie in den TLS-Einstellungen fest statt als Option.</translation>
    </message>
    <message>
        <source>TLS is on, but %1 &quot;%2&quot; allows unencrypted connections; choose a mode that requires TLS or turn TLS off.</source>
        <translation>TLS ist eingeschaltet, aber %1 „%2“ erlaubt unverschlüsselte Verbindungen; wählen Sie einen Modus, der TLS verlangt, oder schalten Sie TLS aus.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; requires TLS; turn TLS on or remove the option.</source>
        <translation>%1 „%2“ verlangt TLS; schalten Sie TLS ein oder entfernen Sie die Option.</translation>
    </message>
    <message>
        <source>The connection has no identifier.</source>
        <translation>Die Verbindung hat keine Kennung.</translation>
    </message>
    <message>
        <source>The kind of connection is not supported.</source>
        <translation>Diese Art von Verbindung wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>Enter a name for the connection.</source>
        <translation>Geben Sie einen Namen für die Verbindung ein.</translation>
    </message>
    <message>
        <source>The name is too long (at most 200 characters).</source>
        <translation>Der Name ist zu lang (höchstens 200 Zeichen).</translation>
    </message>
    <message>
        <source>The name must not contain control characters.</source>
        <translation>Der Name darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Enter a host to connect to.</source>
        <translation>Geben Sie einen Host ein, zu dem verbunden werden soll.</translation>
    </message>
    <message>
        <source>Only MongoDB connections can have more than one host.</source>
        <translation>Nur MongoDB-Verbindungen können mehr als einen Host haben.</translation>
    </message>
    <message>
        <source>Only MongoDB connections can use an SRV record.</source>
        <translation>Nur MongoDB-Verbindungen können einen SRV-Eintrag verwenden.</translation>
    </message>
    <message>
        <source>A mongodb+srv connection needs exactly one host, the SRV name.</source>
        <translation>Eine mongodb+srv-Verbindung braucht genau einen Host, den SRV-Namen.</translation>
    </message>
    <message>
        <source>Enter a host name or address.</source>
        <translation>Geben Sie einen Hostnamen oder eine Adresse ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name or IP address.</source>
        <translation>„%1“ ist kein gültiger Hostname und keine gültige IP-Adresse.</translation>
    </message>
    <message>
        <source>A mongodb+srv connection cannot have a port; the SRV record provides it.</source>
        <translation>Eine mongodb+srv-Verbindung kann keinen Port haben; der SRV-Eintrag liefert ihn.</translation>
    </message>
    <message>
        <source>A mongodb+srv connection needs a host name, not an IP address.</source>
        <translation>Eine mongodb+srv-Verbindung braucht einen Hostnamen, keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Enter a port between 1 and 65535.</source>
        <translation>Geben Sie einen Port zwischen 1 und 65535 ein.</translation>
    </message>
    <message>
        <source>The user name must not contain control characters.</source>
        <translation>Der Benutzername darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The database name must not contain control characters.</source>
        <translation>Der Datenbankname darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>A Redis database is a number, 0 or greater.</source>
        <translation>Eine Redis-Datenbank ist eine Zahl, 0 oder größer.</translation>
    </message>
    <message>
        <source>An SSH connection has no database.</source>
        <translation>Eine SSH-Verbindung hat keine Datenbank.</translation>
    </message>
    <message>
        <source>Enter a name for the option.</source>
        <translation>Geben Sie einen Namen für die Option ein.</translation>
    </message>
    <message>
        <source>An option name may only contain letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>Ein Optionsname darf nur Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos; enthalten.</translation>
    </message>
    <message>
        <source>The option &quot;%1&quot; holds a secret; secrets are kept in the keychain, not in options.</source>
        <translation>Die Option „%1“ enthält ein Geheimnis; Geheimnisse liegen im Schlüsselbund, nicht in Optionen.</translation>
    </message>
    <message>
        <source>An option value must not contain control characters.</source>
        <translation>Ein Optionswert darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>SSH connections do not use TLS settings.</source>
        <translation>SSH-Verbindungen verwenden keine TLS-Einstellungen.</translation>
    </message>
    <message>
        <source>The CA file path must not contain control characters.</source>
        <translation>Der Pfad der CA-Datei darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The CA file must be given as a full path.</source>
        <translation>Die CA-Datei muss als vollständiger Pfad angegeben werden.</translation>
    </message>
    <message>
        <source>Enter the SSH host of the tunnel.</source>
        <translation>Geben Sie den SSH-Host des Tunnels ein.</translation>
    </message>
    <message>
        <source>Enter an SSH port between 1 and 65535.</source>
        <translation>Geben Sie einen SSH-Port zwischen 1 und 65535 ein.</translation>
    </message>
    <message>
        <source>The SSH user name is not valid.</source>
        <translation>Der SSH-Benutzername ist ungültig.</translation>
    </message>
    <message>
        <source>The colour must be written as #rrggbb.</source>
        <translation>Die Farbe muss als #rrggbb geschrieben werden.</translation>
    </message>
    <message>
        <source>A tag must be a short text without control characters.</source>
        <translation>Ein Schlagwort muss ein kurzer Text ohne Steuerzeichen sein.</translation>
    </message>
    <message>
        <source>The notes are too long (at most 100,000 characters).</source>
        <translation>Die Notizen sind zu lang (höchstens 100.000 Zeichen).</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ConnectionExporter</name>
    <message>
        <source># Conclave connections. Passwords are not included.</source>
        <translation># Conclave-Verbindungen. Passwörter sind nicht enthalten.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at byte %2).</source>
        <translation>Die Datei ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>The file is not a Conclave connections export.</source>
        <translation>Die Datei ist kein Verbindungsexport von Conclave.</translation>
    </message>
    <message>
        <source>The export has no valid format version.</source>
        <translation>Der Export hat keine gültige Formatversion.</translation>
    </message>
    <message>
        <source>The export was written by a newer version of Conclave (format %1; this version reads up to %2). Update Conclave to import it.</source>
        <translation>Der Export wurde von einer neueren Version von Conclave geschrieben (Format %1; diese Version liest bis %2). Aktualisieren Sie Conclave, um ihn zu importieren.</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>is used twice</source>
        <translation>wird doppelt verwendet</translation>
    </message>
    <message>
        <source>The folder &quot;%1&quot; refers to a parent that is not in the file; it was put at the top level.</source>
        <translation>Der Ordner „%1“ verweist auf einen übergeordneten Ordner, der nicht in der Datei steht; er wurde auf oberster Ebene abgelegt.</translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; was skipped: %2</source>
        <translation>Die Verbindung „%1“ wurde übersprungen: %2</translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; refers to a folder that is not in the file; it was put at the top level.</source>
        <translation>Die Verbindung „%1“ verweist auf einen Ordner, der nicht in der Datei steht; sie wurde auf oberster Ebene abgelegt.</translation>
    </message>
    <message>
        <source>The file %1 is too large to be a Conclave export.</source>
        <translation>Die Datei %1 ist zu groß für einen Export von Conclave.</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>muss Text sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>muss eine ganze Zahl von %1 bis %2 sein</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>is not a valid identifier</source>
        <translation>ist keine gültige Kennung</translation>
    </message>
    <message>
        <source>is not a date and time</source>
        <translation>ist kein Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>muss eine Liste sein</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>In the file, %1 %2.</source>
        <extracomment>%1 is a position in the file such as connections[3].hosts[0].port, %2 what is wrong</extracomment>
        <translation>In der Datei: %1 %2.</translation>
    </message>
    <message>
        <source>is not a supported kind (&quot;%1&quot;)</source>
        <translation>ist keine unterstützte Art („%1“)</translation>
    </message>
    <message>
        <source>must be a pair of texts</source>
        <translation>muss ein Paar von Texten sein</translation>
    </message>
    <message>
        <source>must be &quot;password&quot; or &quot;privateKey&quot;</source>
        <translation>muss „password“ oder „privateKey“ sein</translation>
    </message>
    <message>
        <source>The export could not be written to %1: %2</source>
        <translation>Der Export konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ConnectionImporter</name>
    <message>
        <source>The file %1 is too large to be a list of connections.</source>
        <translation>Die Datei %1 ist zu groß für eine Liste von Verbindungen.</translation>
    </message>
    <message>
        <source>The file %1 is not UTF-8 text.</source>
        <translation>Die Datei %1 ist kein UTF-8-Text.</translation>
    </message>
    <message>
        <source>A quotation mark is not closed.</source>
        <translation>Ein Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>&quot;Host&quot; needs at least one name.</source>
        <translation>„Host“ braucht mindestens einen Namen.</translation>
    </message>
    <message>
        <source>Include files are nested too deeply (a loop?).</source>
        <translation>Include-Dateien sind zu tief verschachtelt (eine Schleife?).</translation>
    </message>
    <message>
        <source>The included file %1 could not be read.</source>
        <translation>Die eingebundene Datei %1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Host %1: the port &quot;%2&quot; is not a number between 1 and 65535.</source>
        <translation>Host %1: Der Port „%2“ ist keine Zahl zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>Host %1 goes through several jump hosts; Conclave supports one, so it was not imported.</source>
        <translation>Host %1 läuft über mehrere Sprung-Hosts; Conclave unterstützt einen, daher wurde er nicht importiert.</translation>
    </message>
    <message>
        <source>Host %1: the jump host&apos;s port &quot;%2&quot; is not a number between 1 and 65535.</source>
        <translation>Host %1: Der Port „%2“ des Sprung-Hosts ist keine Zahl zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>Host %1: %2</source>
        <translation>Host %1: %2</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ConnectionRepository</name>
    <message>
        <source>The connection list is read-only because its database could not be opened.</source>
        <translation>Die Verbindungsliste ist schreibgeschützt, weil ihre Datenbank nicht geöffnet werden konnte.</translation>
    </message>
    <message>
        <source>A folder cannot be moved into itself.</source>
        <translation>Ein Ordner kann nicht in sich selbst verschoben werden.</translation>
    </message>
    <message>
        <source>The target folder no longer exists.</source>
        <translation>Der Zielordner existiert nicht mehr.</translation>
    </message>
    <message>
        <source>A folder that still holds connections was not removed.</source>
        <translation>Ein Ordner, der noch Verbindungen enthält, wurde nicht entfernt.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ConnectionStore</name>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The folder %1 is not writable, so the connections database cannot be kept there.</source>
        <translation>Der Ordner %1 ist nicht beschreibbar, daher kann die Verbindungsdatenbank dort nicht liegen.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>The connections database %1 is read-only.</source>
        <translation>Die Verbindungsdatenbank %1 ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>The connections database was written by a newer version of Conclave (schema %1; this version reads up to %2). It was not changed; update Conclave to open it.</source>
        <translation>Die Verbindungsdatenbank wurde von einer neueren Version von Conclave geschrieben (Schema %1; diese Version liest bis %2). Sie wurde nicht verändert; aktualisieren Sie Conclave, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>Its schema version is invalid.</source>
        <translation>Ihre Schemaversion ist ungültig.</translation>
    </message>
    <message>
        <source>The connections database %1 could not be opened (%2).</source>
        <translation>Die Verbindungsdatenbank %1 konnte nicht geöffnet werden (%2).</translation>
    </message>
    <message>
        <source>A folder has an invalid identifier.</source>
        <translation>Ein Ordner hat eine ungültige Kennung.</translation>
    </message>
    <message>
        <source>The connection does not exist (any more).</source>
        <translation>Die Verbindung existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>The folder does not exist (any more).</source>
        <translation>Der Ordner existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>The folder &quot;%1&quot; cannot be saved: %2</source>
        <translation>Der Ordner „%1“ kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; cannot be saved: %2</source>
        <translation>Die Verbindung „%1“ kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The connections database %1 could not be created: %2</source>
        <translation>Die Verbindungsdatenbank %1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>The connections database is damaged and was not changed. %1</source>
        <translation>Die Verbindungsdatenbank ist beschädigt und wurde nicht verändert. %1</translation>
    </message>
    <message>
        <source>The connections database could not be read or written (%1).</source>
        <translation>Die Verbindungsdatenbank konnte nicht gelesen oder geschrieben werden (%1).</translation>
    </message>
    <message>
        <source>The connections database %1 cannot be read: %2</source>
        <translation>Die Verbindungsdatenbank %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The file %1 is not an SQLite database.</source>
        <translation>Die Datei %1 ist keine SQLite-Datenbank.</translation>
    </message>
    <message>
        <source>The file header is invalid.</source>
        <translation>Der Dateikopf ist ungültig.</translation>
    </message>
    <message>
        <source>The file is shorter than its header says; it may have been truncated.</source>
        <translation>Die Datei ist kürzer, als ihr Kopf angibt; sie wurde vielleicht abgeschnitten.</translation>
    </message>
    <message>
        <source>The file length does not match its page size; it may have been truncated.</source>
        <translation>Die Dateilänge passt nicht zu ihrer Seitengröße; sie wurde vielleicht abgeschnitten.</translation>
    </message>
    <message>
        <source>The connections database was just upgraded by a newer version of Conclave; update Conclave to open it.</source>
        <translation>Die Verbindungsdatenbank wurde gerade von einer neueren Version von Conclave aktualisiert; aktualisieren Sie Conclave, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>The connections database could not be upgraded to schema %1 and was not changed. %2</source>
        <translation>Die Verbindungsdatenbank konnte nicht auf Schema %1 aktualisiert werden und wurde nicht verändert. %2</translation>
    </message>
    <message>
        <source>Its integrity check failed.</source>
        <translation>Ihre Integritätsprüfung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The file is an SQLite database, but not one of Conclave&apos;s.</source>
        <translation>Die Datei ist eine SQLite-Datenbank, aber keine von Conclave.</translation>
    </message>
    <message>
        <source>A connection has an invalid identifier.</source>
        <translation>Eine Verbindung hat eine ungültige Kennung.</translation>
    </message>
    <message>
        <source>A connection has an unknown kind.</source>
        <translation>Eine Verbindung hat eine unbekannte Art.</translation>
    </message>
    <message>
        <source>A connection has unreadable hosts, options or tags.</source>
        <translation>Eine Verbindung hat unlesbare Hosts, Optionen oder Schlagwörter.</translation>
    </message>
    <message>
        <source>The folder has no identifier.</source>
        <translation>Der Ordner hat keine Kennung.</translation>
    </message>
    <message>
        <source>Enter a name for the folder.</source>
        <translation>Geben Sie einen Namen für den Ordner ein.</translation>
    </message>
    <message>
        <source>A folder cannot be moved into itself.</source>
        <translation>Ein Ordner kann nicht in sich selbst verschoben werden.</translation>
    </message>
    <message>
        <source>The parent folder does not exist.</source>
        <translation>Der übergeordnete Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>The folder of the connection does not exist.</source>
        <translation>Der Ordner der Verbindung existiert nicht.</translation>
    </message>
    <message>
        <source>A folder in the Trash has an invalid identifier.</source>
        <translation>Ein Ordner im Papierkorb hat eine ungültige Kennung.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ConnectionTester</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation>Der Test wurde abgebrochen.</translation>
    </message>
    <message>
        <source>This connection uses an SSH tunnel; testing the tunnel host %1 only.</source>
        <translation>Diese Verbindung nutzt einen SSH-Tunnel; getestet wird nur der Tunnel-Host %1.</translation>
    </message>
    <message>
        <source>The SSH tunnel has no host.</source>
        <translation>Der SSH-Tunnel hat keinen Host.</translation>
    </message>
    <message>
        <source>The connection has no host to test.</source>
        <translation>Die Verbindung hat keinen Host, der getestet werden kann.</translation>
    </message>
    <message>
        <source>TLS does not apply to SSH; the setting is ignored.</source>
        <translation>TLS gilt nicht für SSH; die Einstellung wird ignoriert.</translation>
    </message>
    <message>
        <source>TLS is not available on this system.</source>
        <translation>TLS ist auf diesem System nicht verfügbar.</translation>
    </message>
    <message numerus="yes">
        <source>Testing the first of %n hosts.</source>
        <translation>
            <numerusform>Getestet wird der erste von %n Host.</numerusform>
            <numerusform>Getestet wird der erste von %n Hosts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking up the SRV record %1.</source>
        <translation>SRV-Eintrag %1 wird nachgeschlagen.</translation>
    </message>
    <message>
        <source>Could not find the SRV record %1.</source>
        <translation>Der SRV-Eintrag %1 wurde nicht gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>The SRV record names %n hosts; testing %1.</source>
        <translation>
            <numerusform>Der SRV-Eintrag nennt %n Host; getestet wird %1.</numerusform>
            <numerusform>Der SRV-Eintrag nennt %n Hosts; getestet wird %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The CA file %1 holds no certificate.</source>
        <translation>Die CA-Datei %1 enthält kein Zertifikat.</translation>
    </message>
    <message>
        <source>The CA file %1 does not exist.</source>
        <translation>Die CA-Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The client certificate is not used by the test.</source>
        <translation>Das Client-Zertifikat wird beim Test nicht verwendet.</translation>
    </message>
    <message>
        <source>Looking up %1.</source>
        <translation>%1 wird nachgeschlagen.</translation>
    </message>
    <message>
        <source>Connecting to %1.</source>
        <translation>Verbindung zu %1 wird aufgebaut.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Mit %1 verbunden.</translation>
    </message>
    <message>
        <source>Connected to %1 (%2).</source>
        <translation>Mit %1 verbunden (%2).</translation>
    </message>
    <message>
        <source>Starting TLS.</source>
        <translation>TLS wird gestartet.</translation>
    </message>
    <message>
        <source>TLS established (%1, %2).</source>
        <translation>TLS aufgebaut (%1, %2).</translation>
    </message>
    <message>
        <source>The server sent far more data than expected.</source>
        <translation>Der Server hat weit mehr Daten gesendet als erwartet.</translation>
    </message>
    <message>
        <source>The certificate is not valid for %1; accepted because invalid host names are allowed.</source>
        <translation>Das Zertifikat gilt nicht für %1; akzeptiert, weil ungültige Hostnamen erlaubt sind.</translation>
    </message>
    <message>
        <source>TLS handshake failed: the server closed the connection; it may not use TLS on this port.</source>
        <translation>TLS-Handshake fehlgeschlagen: Der Server hat die Verbindung geschlossen; vielleicht nutzt er auf diesem Port kein TLS.</translation>
    </message>
    <message>
        <source>The server closed the connection unexpectedly.</source>
        <translation>Der Server hat die Verbindung unerwartet geschlossen.</translation>
    </message>
    <message>
        <source>Timed out after %1 s during the TLS handshake; the server may not use TLS on this port.</source>
        <translation>Zeitüberschreitung nach %1 s beim TLS-Handshake; vielleicht nutzt der Server auf diesem Port kein TLS.</translation>
    </message>
    <message>
        <source>Timed out after %1 s.</source>
        <translation>Zeitüberschreitung nach %1 s.</translation>
    </message>
    <message>
        <source>Could not find the host %1.</source>
        <translation>Der Host %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Connection refused by %1.</source>
        <translation>Verbindung von %1 abgelehnt.</translation>
    </message>
    <message>
        <source>The network cannot reach %1.</source>
        <translation>Das Netzwerk kann %1 nicht erreichen.</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS-Handshake fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>TLS handshake failed: the certificate is not valid for %1.</source>
        <translation>TLS-Handshake fehlgeschlagen: Das Zertifikat gilt nicht für %1.</translation>
    </message>
    <message>
        <source>TLS handshake failed: the certificate has expired.</source>
        <translation>TLS-Handshake fehlgeschlagen: Das Zertifikat ist abgelaufen.</translation>
    </message>
    <message>
        <source>TLS handshake failed: the certificate is not valid yet.</source>
        <translation>TLS-Handshake fehlgeschlagen: Das Zertifikat ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>TLS handshake failed: the certificate has been revoked.</source>
        <translation>TLS-Handshake fehlgeschlagen: Das Zertifikat wurde widerrufen.</translation>
    </message>
    <message>
        <source>TLS handshake failed: certificate is not trusted.</source>
        <translation>TLS-Handshake fehlgeschlagen: Dem Zertifikat wird nicht vertraut.</translation>
    </message>
    <message>
        <source>TLS handshake failed: the server did not answer with TLS.</source>
        <translation>TLS-Handshake fehlgeschlagen: Der Server hat nicht mit TLS geantwortet.</translation>
    </message>
    <message>
        <source>Reached the SSH tunnel host %1 (%2), but testing through SSH tunnels is not supported yet.</source>
        <translation>Der SSH-Tunnel-Host %1 (%2) ist erreichbar, aber Tests durch SSH-Tunnel werden noch nicht unterstützt.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ConnectionUri</name>
    <message>
        <source>Enter a connection URI.</source>
        <translation>Geben Sie eine Verbindungs-URI ein.</translation>
    </message>
    <message>
        <source>This is not a connection URI; it must start with a scheme such as mongodb:// or postgresql://.</source>
        <translation>Das ist keine Verbindungs-URI; sie muss mit einem Schema wie mongodb:// oder postgresql:// beginnen.</translation>
    </message>
    <message>
        <source>The scheme &quot;%1&quot; is not supported. Use one of: %2.</source>
        <translation>Das Schema „%1“ wird nicht unterstützt. Verwenden Sie eines von: %2.</translation>
    </message>
    <message>
        <source>A connection URI cannot contain &apos;#&apos;. If it is part of the password, write it as %23.</source>
        <translation>Eine Verbindungs-URI darf kein &apos;#&apos; enthalten. Gehört es zum Passwort, schreiben Sie es als %23.</translation>
    </message>
    <message>
        <source>The user name contains an invalid %-escape; write &apos;%&apos; as %25.</source>
        <translation>Der Benutzername enthält eine ungültige %-Kodierung; schreiben Sie &apos;%&apos; als %25.</translation>
    </message>
    <message>
        <source>The password contains an invalid %-escape; write &apos;%&apos; as %25.</source>
        <translation>Das Passwort enthält eine ungültige %-Kodierung; schreiben Sie &apos;%&apos; als %25.</translation>
    </message>
    <message>
        <source>The URI names no host.</source>
        <translation>Die URI nennt keinen Host.</translation>
    </message>
    <message>
        <source>Only MongoDB URIs can list more than one host.</source>
        <translation>Nur MongoDB-URIs können mehr als einen Host nennen.</translation>
    </message>
    <message>
        <source>A mongodb+srv URI names exactly one host, the SRV name.</source>
        <translation>Eine mongodb+srv-URI nennt genau einen Host, den SRV-Namen.</translation>
    </message>
    <message>
        <source>The database name contains an invalid %-escape.</source>
        <translation>Der Datenbankname enthält eine ungültige %-Kodierung.</translation>
    </message>
    <message>
        <source>An ssh:// URI has no database part.</source>
        <translation>Eine ssh://-URI hat keinen Datenbankteil.</translation>
    </message>
    <message>
        <source>The option &quot;%1&quot; must be written as name=value.</source>
        <translation>Die Option „%1“ muss als name=wert geschrieben werden.</translation>
    </message>
    <message>
        <source>The value of option &quot;%1&quot; contains an invalid %-escape.</source>
        <translation>Der Wert der Option „%1“ enthält eine ungültige %-Kodierung.</translation>
    </message>
    <message>
        <source>The option value &quot;%1&quot; must be true or false.</source>
        <translation>Der Optionswert „%1“ muss true oder false sein.</translation>
    </message>
    <message>
        <source>The IPv6 address in host %1 is missing its closing bracket.</source>
        <translation>Der IPv6-Adresse im Host %1 fehlt die schließende Klammer.</translation>
    </message>
    <message>
        <source>Host %1 contains an invalid %-escape.</source>
        <translation>Der Host %1 enthält eine ungültige %-Kodierung.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in brackets is not an IPv6 address.</source>
        <translation>„%1“ in Klammern ist keine IPv6-Adresse.</translation>
    </message>
    <message>
        <source>Unexpected text after the IPv6 address of host %1.</source>
        <translation>Host %1: Unerwarteter Text nach der IPv6-Adresse.</translation>
    </message>
    <message>
        <source>An IPv6 address must be written in brackets, like [2001:db8::1]:%1.</source>
        <translation>Eine IPv6-Adresse muss in Klammern stehen, etwa [2001:db8::1]:%1.</translation>
    </message>
    <message>
        <source>Host %1 is encoded (a socket path?); only host names and IP addresses are supported.</source>
        <translation>Der Host %1 ist kodiert (ein Socket-Pfad?); nur Hostnamen und IP-Adressen werden unterstützt.</translation>
    </message>
    <message>
        <source>Host %1 is empty.</source>
        <translation>Der Host %1 ist leer.</translation>
    </message>
    <message>
        <source>A mongodb+srv URI cannot give a port; the SRV record provides it.</source>
        <translation>Eine mongodb+srv-URI kann keinen Port angeben; der SRV-Eintrag liefert ihn.</translation>
    </message>
    <message>
        <source>The port &quot;%1&quot; of host %2 is not a number between 1 and 65535.</source>
        <translation>Host %2: Der Port „%1“ ist keine Zahl zwischen 1 und 65535.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::Crypto</name>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>There was not enough memory to process the password.</source>
        <translation>Es war nicht genug Speicher frei, um das Passwort zu verarbeiten.</translation>
    </message>
    <message>
        <source>The data ends too early.</source>
        <translation>Die Daten enden zu früh.</translation>
    </message>
    <message>
        <source>The data is not in a format this version of Conclave understands.</source>
        <translation>Die Daten liegen in einem Format vor, das diese Version von Conclave nicht versteht.</translation>
    </message>
    <message>
        <source>A length in the data is too large.</source>
        <translation>Eine Längenangabe in den Daten ist zu groß.</translation>
    </message>
    <message>
        <source>The data has unexpected bytes at the end.</source>
        <translation>Am Ende der Daten stehen unerwartete Bytes.</translation>
    </message>
    <message>
        <source>The member&apos;s encryption key cannot be used.</source>
        <translation>Der Verschlüsselungsschlüssel des Mitglieds kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>A folder key was granted for a different folder.</source>
        <translation>Ein Ordnerschlüssel wurde für einen anderen Ordner vergeben.</translation>
    </message>
    <message>
        <source>A folder key was granted for a key version the membership log does not know.</source>
        <translation>Ein Ordnerschlüssel wurde für eine Schlüsselversion vergeben, die das Mitgliederprotokoll nicht kennt.</translation>
    </message>
    <message>
        <source>A folder key grant has an invalid signature.</source>
        <translation>Eine Ordnerschlüssel-Freigabe hat eine ungültige Signatur.</translation>
    </message>
    <message>
        <source>A folder key was granted by someone without the Manage role.</source>
        <translation>Ein Ordnerschlüssel wurde von jemandem ohne die Rolle „Verwalten“ vergeben.</translation>
    </message>
    <message>
        <source>A folder key was granted to someone who is not a member.</source>
        <translation>Ein Ordnerschlüssel wurde an jemanden vergeben, der kein Mitglied ist.</translation>
    </message>
    <message>
        <source>This folder key grant is addressed to someone else.</source>
        <translation>Diese Ordnerschlüssel-Freigabe ist an jemand anderen gerichtet.</translation>
    </message>
    <message>
        <source>A folder key grant is damaged.</source>
        <translation>Eine Ordnerschlüssel-Freigabe ist beschädigt.</translation>
    </message>
    <message>
        <source>The folder key needed for this step is not available.</source>
        <translation>Der für diesen Schritt nötige Ordnerschlüssel ist nicht vorhanden.</translation>
    </message>
    <message>
        <source>A folder key chain link does not belong to this folder.</source>
        <translation>Ein Glied der Ordnerschlüssel-Kette gehört nicht zu diesem Ordner.</translation>
    </message>
    <message>
        <source>A folder key chain link is damaged or was altered.</source>
        <translation>Ein Glied der Ordnerschlüssel-Kette ist beschädigt oder wurde verändert.</translation>
    </message>
    <message>
        <source>The encryption key of a remaining member is missing, so the folder key cannot be shared with them.</source>
        <translation>Der Verschlüsselungsschlüssel eines verbleibenden Mitglieds fehlt, daher kann der Ordnerschlüssel nicht mit ihm geteilt werden.</translation>
    </message>
    <message>
        <source>The item is too large to share.</source>
        <translation>Der Eintrag ist zu groß zum Teilen.</translation>
    </message>
    <message>
        <source>The item&apos;s revision information is not consistent.</source>
        <translation>Die Revisionsangaben des Eintrags sind nicht stimmig.</translation>
    </message>
    <message>
        <source>This item was written in a format this version of Conclave does not know. Update Conclave to read it.</source>
        <translation>Dieser Eintrag wurde in einem Format geschrieben, das diese Version von Conclave nicht kennt. Aktualisieren Sie Conclave, um ihn zu lesen.</translation>
    </message>
    <message>
        <source>This item has a kind this version of Conclave does not know.</source>
        <translation>Dieser Eintrag hat eine Art, die diese Version von Conclave nicht kennt.</translation>
    </message>
    <message>
        <source>This item&apos;s header is not consistent.</source>
        <translation>Der Kopf dieses Eintrags ist nicht stimmig.</translation>
    </message>
    <message>
        <source>This item could not be decrypted. It may have been altered.</source>
        <translation>Dieser Eintrag konnte nicht entschlüsselt werden. Er wurde möglicherweise verändert.</translation>
    </message>
    <message>
        <source>The server delivered an item that belongs to a different folder (moved item).</source>
        <translation>Der Server hat einen Eintrag geliefert, der zu einem anderen Ordner gehört (verschobener Eintrag).</translation>
    </message>
    <message>
        <source>The server delivered a different item than the one requested (swapped id).</source>
        <translation>Der Server hat einen anderen Eintrag geliefert als den angeforderten (vertauschte ID).</translation>
    </message>
    <message>
        <source>This item was written by someone who was never a member of the folder.</source>
        <translation>Dieser Eintrag wurde von jemandem geschrieben, der nie Mitglied des Ordners war.</translation>
    </message>
    <message>
        <source>This item&apos;s signature is not valid.</source>
        <translation>Die Signatur dieses Eintrags ist ungültig.</translation>
    </message>
    <message>
        <source>This item was written by a member without the right to edit.</source>
        <translation>Dieser Eintrag wurde von einem Mitglied ohne Bearbeitungsrecht geschrieben.</translation>
    </message>
    <message>
        <source>The server delivered an older revision of this item than one already seen (rollback).</source>
        <translation>Der Server hat eine ältere Revision dieses Eintrags geliefert als eine bereits bekannte (Rollback).</translation>
    </message>
    <message>
        <source>The server delivered two different versions of the same item revision (fork).</source>
        <translation>Der Server hat zwei verschiedene Fassungen derselben Revision des Eintrags geliefert (Fork).</translation>
    </message>
    <message>
        <source>This item&apos;s revision does not follow the one already seen (broken chain).</source>
        <translation>Die Revision dieses Eintrags schließt nicht an die bereits bekannte an (unterbrochene Kette).</translation>
    </message>
    <message>
        <source>This item uses a folder key version the membership log does not know.</source>
        <translation>Dieser Eintrag verwendet eine Ordnerschlüssel-Version, die das Mitgliederprotokoll nicht kennt.</translation>
    </message>
    <message>
        <source>This item was written with an outdated folder key (stale key version).</source>
        <translation>Dieser Eintrag wurde mit einem veralteten Ordnerschlüssel geschrieben (alte Schlüsselversion).</translation>
    </message>
    <message>
        <source>A folder name belongs to a different folder.</source>
        <translation>Ein Ordnername gehört zu einem anderen Ordner.</translation>
    </message>
    <message>
        <source>The folder key for this item is not available on this computer.</source>
        <translation>Der Ordnerschlüssel für diesen Eintrag ist auf diesem Computer nicht vorhanden.</translation>
    </message>
    <message>
        <source>A delete marker carries unexpected content.</source>
        <translation>Eine Löschmarkierung enthält unerwarteten Inhalt.</translation>
    </message>
    <message>
        <source>The server asked for a password hashing strength below Conclave&apos;s minimum. Sign-in was stopped to protect your password.</source>
        <translation>Der Server verlangte eine Stärke für das Passwort-Hashing unter dem Minimum von Conclave. Die Anmeldung wurde abgebrochen, um Ihr Passwort zu schützen.</translation>
    </message>
    <message>
        <source>The server asked for a weaker password hashing strength than it used before. Sign-in was stopped to protect your password.</source>
        <translation>Der Server verlangte ein schwächeres Passwort-Hashing als bisher. Die Anmeldung wurde abgebrochen, um Ihr Passwort zu schützen.</translation>
    </message>
    <message>
        <source>The server asked for a password hashing cost this computer cannot afford.</source>
        <translation>Der Server verlangte einen Aufwand für das Passwort-Hashing, den dieser Computer nicht leisten kann.</translation>
    </message>
    <message>
        <source>The server sent a password salt of the wrong size.</source>
        <translation>Der Server hat ein Passwort-Salt mit falscher Größe gesendet.</translation>
    </message>
    <message>
        <source>The identity key has the wrong size.</source>
        <translation>Der Identitätsschlüssel hat die falsche Größe.</translation>
    </message>
    <message>
        <source>This member&apos;s security key has changed. Sharing with them is paused until a folder manager confirms the new safety number.</source>
        <translation>Der Sicherheitsschlüssel dieses Mitglieds hat sich geändert. Das Teilen mit ihm ist angehalten, bis eine Ordnerverwaltung die neue Sicherheitsnummer bestätigt.</translation>
    </message>
    <message>
        <source>This key is not the changed key waiting for confirmation.</source>
        <translation>Dieser Schlüssel ist nicht der geänderte Schlüssel, der auf Bestätigung wartet.</translation>
    </message>
    <message>
        <source>The key pins are damaged.</source>
        <translation>Die gespeicherten Schlüssel-Pins sind beschädigt.</translation>
    </message>
    <message>
        <source>The key could not be unlocked. The password may be wrong or the stored key may be damaged.</source>
        <translation>Der Schlüssel konnte nicht entsperrt werden. Das Passwort ist möglicherweise falsch oder der gespeicherte Schlüssel beschädigt.</translation>
    </message>
    <message>
        <source>A membership log entry has an unknown action or role.</source>
        <translation>Ein Eintrag im Mitgliederprotokoll hat eine unbekannte Aktion oder Rolle.</translation>
    </message>
    <message>
        <source>The server sent an older or truncated membership list than this computer has already seen (rollback).</source>
        <translation>Der Server hat eine ältere oder gekürzte Mitgliederliste gesendet als die, die dieser Computer bereits kennt (Rollback).</translation>
    </message>
    <message>
        <source>The server sent an empty membership list.</source>
        <translation>Der Server hat eine leere Mitgliederliste gesendet.</translation>
    </message>
    <message>
        <source>The server sent a membership list that contradicts one this computer has already seen (fork).</source>
        <translation>Der Server hat eine Mitgliederliste gesendet, die einer bereits bekannten widerspricht (Fork).</translation>
    </message>
    <message>
        <source>A membership log entry belongs to a different folder.</source>
        <translation>Ein Eintrag im Mitgliederprotokoll gehört zu einem anderen Ordner.</translation>
    </message>
    <message>
        <source>The membership log&apos;s hash chain is broken: an entry is missing, reordered or changed.</source>
        <translation>Die Hash-Kette des Mitgliederprotokolls ist unterbrochen: Ein Eintrag fehlt, wurde umgestellt oder geändert.</translation>
    </message>
    <message>
        <source>The membership log does not start with the folder&apos;s creation.</source>
        <translation>Das Mitgliederprotokoll beginnt nicht mit dem Anlegen des Ordners.</translation>
    </message>
    <message>
        <source>A membership log entry is signed by someone who is not a member.</source>
        <translation>Ein Eintrag im Mitgliederprotokoll ist von jemandem signiert, der kein Mitglied ist.</translation>
    </message>
    <message>
        <source>A membership log entry has an invalid signature.</source>
        <translation>Ein Eintrag im Mitgliederprotokoll hat eine ungültige Signatur.</translation>
    </message>
    <message>
        <source>A membership change is signed by a member without the Manage role.</source>
        <translation>Eine Änderung der Mitglieder ist von einem Mitglied ohne die Rolle „Verwalten“ signiert.</translation>
    </message>
    <message>
        <source>A membership log entry has an unexpected key version.</source>
        <translation>Ein Eintrag im Mitgliederprotokoll hat eine unerwartete Schlüsselversion.</translation>
    </message>
    <message>
        <source>A membership log entry is not valid for the folder&apos;s current members.</source>
        <translation>Ein Eintrag im Mitgliederprotokoll ist für die aktuellen Mitglieder des Ordners nicht gültig.</translation>
    </message>
    <message>
        <source>A folder must always keep at least one manager.</source>
        <translation>Ein Ordner muss immer mindestens ein Mitglied mit der Rolle „Verwalten“ behalten.</translation>
    </message>
    <message>
        <source>The key bundle names no user.</source>
        <translation>Das Schlüsselpaket nennt keinen Benutzer.</translation>
    </message>
    <message>
        <source>The key bundle&apos;s signature is not valid.</source>
        <translation>Die Signatur des Schlüsselpakets ist ungültig.</translation>
    </message>
    <message>
        <source>A key sent to you could not be opened.</source>
        <translation>Ein an Sie gesendeter Schlüssel konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The safety numbers do not match. Do not add this member: the key the server showed is not theirs.</source>
        <translation>Die Sicherheitsnummern stimmen nicht überein. Fügen Sie dieses Mitglied nicht hinzu: Der Schlüssel, den der Server gezeigt hat, gehört nicht ihm.</translation>
    </message>
    <message>
        <source>This member&apos;s key has not been verified. Use an invitation code or compare safety numbers before adding them.</source>
        <translation>Der Schlüssel dieses Mitglieds ist nicht bestätigt. Verwenden Sie einen Einladungscode oder vergleichen Sie die Sicherheitsnummern, bevor Sie es hinzufügen.</translation>
    </message>
    <message>
        <source>Only a manager of a folder shared with this member can confirm their new key.</source>
        <translation>Nur eine Person, die einen mit diesem Mitglied geteilten Ordner verwaltet, kann seinen neuen Schlüssel bestätigen.</translation>
    </message>
    <message>
        <source>Enter the invitation code.</source>
        <translation>Geben Sie den Einladungscode ein.</translation>
    </message>
    <message>
        <source>This invitation is meant for someone else.</source>
        <translation>Diese Einladung ist für jemand anderen bestimmt.</translation>
    </message>
    <message>
        <source>The invitation does not match the invitation code. Either the code was mistyped or the server changed the invitation; do not accept it until the code is checked with the person who invited you.</source>
        <translation>Die Einladung passt nicht zum Einladungscode. Entweder wurde der Code falsch eingegeben, oder der Server hat die Einladung verändert; nehmen Sie sie erst an, wenn Sie den Code mit der Person geprüft haben, die Sie eingeladen hat.</translation>
    </message>
    <message>
        <source>The manager confirming this key is not known here with the key the folder names for them.</source>
        <translation>Die Person, die diesen Schlüssel bestätigt, ist hier nicht mit dem Schlüssel bekannt, den der Ordner für sie nennt.</translation>
    </message>
    <message>
        <source>An invitation code has 20 letters and digits, like 7K2QD-M9XTR-4HN6B-C0PWE.</source>
        <translation>Ein Einladungscode besteht aus 20 Buchstaben und Ziffern, zum Beispiel 7K2QD-M9XTR-4HN6B-C0PWE.</translation>
    </message>
    <message>
        <source>The answer belongs to a different invitation.</source>
        <translation>Die Antwort gehört zu einer anderen Einladung.</translation>
    </message>
    <message>
        <source>This invitation has already been used or was tried with wrong codes too often. Create a new invitation.</source>
        <translation>Diese Einladung wurde bereits verwendet oder zu oft mit falschen Codes versucht. Erstellen Sie eine neue Einladung.</translation>
    </message>
    <message>
        <source>The invitation answer does not match the invitation code. Either the code was mistyped or the server changed the invitee&apos;s key; the member was not added.</source>
        <translation>Die Antwort auf die Einladung passt nicht zum Einladungscode. Entweder wurde der Code falsch eingegeben, oder der Server hat den Schlüssel der eingeladenen Person ausgetauscht; das Mitglied wurde nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>The saved security state of this account is damaged or was changed outside Conclave. Sharing stays stopped until it is resolved.</source>
        <translation>Der gespeicherte Sicherheitszustand dieses Kontos ist beschädigt oder wurde außerhalb von Conclave verändert. Das Teilen bleibt angehalten, bis das geklärt ist.</translation>
    </message>
    <message>
        <source>The saved security state belongs to a different account.</source>
        <translation>Der gespeicherte Sicherheitszustand gehört zu einem anderen Konto.</translation>
    </message>
    <message>
        <source>The saved security state is older than the one this computer last wrote; an old copy was put back. Sharing stays stopped until it is resolved.</source>
        <translation>Der gespeicherte Sicherheitszustand ist älter als der, den dieser Computer zuletzt geschrieben hat; eine alte Kopie wurde zurückgespielt. Das Teilen bleibt angehalten, bis das geklärt ist.</translation>
    </message>
    <message>
        <source>The saved security state cannot be read.</source>
        <translation>Der gespeicherte Sicherheitszustand kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The saved security state of this account is missing although this computer wrote one. Sharing stays stopped until it is resolved.</source>
        <translation>Der gespeicherte Sicherheitszustand dieses Kontos fehlt, obwohl dieser Computer einen geschrieben hat. Das Teilen bleibt angehalten, bis das geklärt ist.</translation>
    </message>
    <message>
        <source>The security state could not be saved.</source>
        <translation>Der Sicherheitszustand konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>This is not a way to verify a member&apos;s key.</source>
        <translation>Auf diese Weise lässt sich der Schlüssel eines Mitglieds nicht bestätigen.</translation>
    </message>
    <message>
        <source>Only a manager of the folder can share its key.</source>
        <translation>Nur wer den Ordner verwaltet, kann seinen Schlüssel weitergeben.</translation>
    </message>
    <message>
        <source>A folder key does not match the key the folder&apos;s manager committed to in the membership list.</source>
        <translation>Ein Ordnerschlüssel passt nicht zu dem Schlüssel, auf den sich die Verwaltung des Ordners in der Mitgliederliste festgelegt hat.</translation>
    </message>
    <message>
        <source>The member&apos;s key bundle does not carry the identity key the membership list binds to them.</source>
        <translation>Das Schlüsselbündel des Mitglieds enthält nicht den Identitätsschlüssel, den die Mitgliederliste ihm zuordnet.</translation>
    </message>
    <message>
        <source>The member&apos;s identity key is not the one this computer pinned for them. A manager must confirm their new key first.</source>
        <translation>Der Identitätsschlüssel des Mitglieds ist nicht der, den dieser Computer für es gespeichert hat. Jemand mit Verwaltungsrecht muss den neuen Schlüssel zuerst bestätigen.</translation>
    </message>
    <message>
        <source>A folder key differs from the one this computer already holds.</source>
        <translation>Ein Ordnerschlüssel weicht von dem ab, den dieser Computer bereits besitzt.</translation>
    </message>
    <message>
        <source>The server did not deliver this item, so it was not re-encrypted.</source>
        <translation>Der Server hat dieses Element nicht geliefert, daher wurde es nicht neu verschlüsselt.</translation>
    </message>
    <message>
        <source>A folder state record is not consistent.</source>
        <translation>Ein Ordnerzustand ist in sich nicht stimmig.</translation>
    </message>
    <message>
        <source>A folder state belongs to a different folder.</source>
        <translation>Ein Ordnerzustand gehört zu einem anderen Ordner.</translation>
    </message>
    <message>
        <source>A change to the folder was made against a membership list that is outdated or differs from the one this computer accepted.</source>
        <translation>Eine Änderung am Ordner wurde auf Grundlage einer Mitgliederliste gemacht, die veraltet ist oder von der abweicht, die dieser Computer angenommen hat.</translation>
    </message>
    <message>
        <source>A change to the folder was made by a member without the right to make it.</source>
        <translation>Eine Änderung am Ordner stammt von einem Mitglied, das sie nicht vornehmen darf.</translation>
    </message>
    <message>
        <source>A folder state has an invalid signature.</source>
        <translation>Ein Ordnerzustand hat eine ungültige Signatur.</translation>
    </message>
    <message>
        <source>The folder&apos;s items do not match its signed state: an item, a deletion or a newer revision is missing.</source>
        <translation>Die Elemente des Ordners passen nicht zu seinem signierten Zustand: Ein Element, eine Löschung oder eine neuere Revision fehlt.</translation>
    </message>
    <message>
        <source>A change to the folder does not follow the last one this computer accepted: a change is missing or the history was altered.</source>
        <translation>Eine Änderung am Ordner schließt nicht an die letzte an, die dieser Computer angenommen hat: Eine Änderung fehlt oder der Verlauf wurde verändert.</translation>
    </message>
    <message>
        <source>A folder state does not describe the item written with it.</source>
        <translation>Ein Ordnerzustand beschreibt nicht das Element, das mit ihm geschrieben wurde.</translation>
    </message>
    <message>
        <source>The server listed an item twice or one from another folder.</source>
        <translation>Der Server hat ein Element doppelt oder eines aus einem anderen Ordner aufgeführt.</translation>
    </message>
    <message>
        <source>This item is in an unknown format.</source>
        <translation>Dieses Element liegt in einem unbekannten Format vor.</translation>
    </message>
    <message>
        <source>This change is signed with an identity key its author no longer holds.</source>
        <translation>Diese Änderung ist mit einem Identitätsschlüssel signiert, den ihr Autor nicht mehr besitzt.</translation>
    </message>
    <message>
        <source>This change was written under the folder key a departed member still holds. A manager must rotate the folder key first.</source>
        <translation>Diese Änderung wurde mit dem Ordnerschlüssel geschrieben, den ein ausgeschiedenes Mitglied noch besitzt. Jemand mit Verwaltungsrecht muss den Ordnerschlüssel zuerst erneuern.</translation>
    </message>
    <message>
        <source>An item uses the id that belongs to the folder&apos;s name.</source>
        <translation>Ein Element verwendet die ID, die zum Namen des Ordners gehört.</translation>
    </message>
    <message>
        <source>The server sent an older state of this folder than this computer has already accepted (rollback).</source>
        <translation>Der Server hat einen älteren Stand dieses Ordners geschickt, als dieser Computer bereits angenommen hat (Rollback).</translation>
    </message>
    <message>
        <source>The server sent a state of this folder that contradicts the one this computer has already accepted (fork).</source>
        <translation>Der Server hat einen Stand dieses Ordners geschickt, der dem bereits auf diesem Computer angenommenen widerspricht (Fork).</translation>
    </message>
    <message>
        <source>The invitation&apos;s terms are not signed by the person who invited.</source>
        <translation>Die Bedingungen der Einladung sind nicht von der einladenden Person signiert.</translation>
    </message>
    <message>
        <source>The invitation&apos;s terms name no role, no address, no membership log position or no expiry.</source>
        <translation>Die Bedingungen der Einladung nennen keine Rolle, keine Adresse, keine Stelle im Mitgliederprotokoll oder kein Ablaufdatum.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::EffectiveSettings</name>
    <message>
        <source>Team Sharing is off because the policy set by your system administrator could not be read as written (see the problems below). It stays off until the administrator fixes the policy.</source>
        <translation>Team Sharing ist aus, weil die von Ihrem Systemadministrator gesetzte Richtlinie nicht wie geschrieben gelesen werden konnte (siehe die Probleme unten). Es bleibt aus, bis der Administrator die Richtlinie korrigiert.</translation>
    </message>
    <message>
        <source>Your system administrator has turned Team Sharing off on this computer. Conclave connects to no sharing server; your local connections work as before.</source>
        <translation>Ihr Systemadministrator hat Team Sharing auf diesem Computer ausgeschaltet. Conclave verbindet sich mit keinem Sharing-Server; Ihre lokalen Verbindungen funktionieren wie bisher.</translation>
    </message>
    <message>
        <source>Your system administrator has turned Team Sharing on for this computer.</source>
        <translation>Ihr Systemadministrator hat Team Sharing für diesen Computer eingeschaltet.</translation>
    </message>
    <message>
        <source>Your system administrator has set the sharing server for this computer; Conclave connects to no other.</source>
        <translation>Ihr Systemadministrator hat den Sharing-Server für diesen Computer festgelegt; Conclave verbindet sich mit keinem anderen.</translation>
    </message>
    <message numerus="yes">
        <source>Your system administrator allows at most %n minute(s) without input before Conclave signs you out of Team Sharing. You may choose a shorter time, not a longer one.</source>
        <translation>
            <numerusform>Ihr Systemadministrator erlaubt höchstens %n Minute ohne Eingabe, bevor Conclave Sie von Team Sharing abmeldet. Sie können eine kürzere Zeit wählen, keine längere.</numerusform>
            <numerusform>Ihr Systemadministrator erlaubt höchstens %n Minuten ohne Eingabe, bevor Conclave Sie von Team Sharing abmeldet. Sie können eine kürzere Zeit wählen, keine längere.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conclave::Core::InvitationApi</name>
    <message>
        <source>The sharing server sent an invitation that Conclave cannot read (at &quot;%1&quot;). Nothing was changed.</source>
        <translation>Der Sharing-Server hat eine Einladung gesendet, die Conclave nicht lesen kann (bei „%1“). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>This address has 50 open invitations already. It can be invited again once some of them are answered or have expired.</source>
        <translation>Diese Adresse hat bereits 50 offene Einladungen. Sie kann wieder eingeladen werden, sobald einige davon beantwortet oder abgelaufen sind.</translation>
    </message>
    <message>
        <source>This address is not in the folder&apos;s organisation, and the organisation does not allow guests.</source>
        <translation>Diese Adresse gehört nicht zur Organisation des Ordners, und die Organisation lässt keine Gäste zu.</translation>
    </message>
    <message>
        <source>This address has an open invitation to this folder already.</source>
        <translation>Diese Adresse hat bereits eine offene Einladung zu diesem Ordner.</translation>
    </message>
    <message>
        <source>The invitation has expired (invitations last 7 days), or the folder was deleted.</source>
        <translation>Die Einladung ist abgelaufen (Einladungen gelten 7 Tage), oder der Ordner wurde gelöscht.</translation>
    </message>
    <message>
        <source>The invitation was answered, cancelled or used already.</source>
        <translation>Die Einladung wurde bereits beantwortet, zurückgezogen oder verwendet.</translation>
    </message>
    <message>
        <source>You have sent 100 invitations in the last 24 hours. You can invite again at %1.</source>
        <translation>Sie haben in den letzten 24 Stunden 100 Einladungen gesendet. Sie können um %1 wieder einladen.</translation>
    </message>
    <message>
        <source>You have sent 100 invitations in the last 24 hours. Try again later.</source>
        <translation>Sie haben in den letzten 24 Stunden 100 Einladungen gesendet. Versuchen Sie es später wieder.</translation>
    </message>
    <message>
        <source>The sharing server knows no such invitation.</source>
        <translation>Der Sharing-Server kennt diese Einladung nicht.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::InvitationFlow</name>
    <message>
        <source>Team Sharing is not ready: sign in first.</source>
        <translation>Team Sharing ist nicht bereit: Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>Only members who manage this folder can invite people to it.</source>
        <translation>Nur Mitglieder, die diesen Ordner verwalten, können Personen dazu einladen.</translation>
    </message>
    <message>
        <source>Invite at most %1 addresses at a time.</source>
        <translation>Laden Sie höchstens %1 Adressen auf einmal ein.</translation>
    </message>
    <message>
        <source>Choose a role for the people you invite.</source>
        <translation>Wählen Sie eine Rolle für die eingeladenen Personen.</translation>
    </message>
    <message>
        <source>Enter at least one email address.</source>
        <translation>Geben Sie mindestens eine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid email address.</source>
        <translation>„%1“ ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>You cannot invite yourself.</source>
        <translation>Sie können sich nicht selbst einladen.</translation>
    </message>
    <message>
        <source>No one with the address %1 uses Team Sharing yet. Ask them to create an account first, then invite them.</source>
        <translation>Niemand mit der Adresse %1 nutzt bisher Team Sharing. Bitten Sie die Person, zuerst ein Konto anzulegen, und laden Sie sie dann ein.</translation>
    </message>
    <message>
        <source>The sharing server sent keys for %1 that do not verify. Nothing was sent.</source>
        <translation>Der Sharing-Server hat für %1 Schlüssel gesendet, die sich nicht prüfen lassen. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The sharing server answered for another invitation. Cancel it and try again.</source>
        <translation>Der Sharing-Server hat für eine andere Einladung geantwortet. Ziehen Sie die Einladung zurück und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This computer did not make this invitation, so it cannot confirm it.</source>
        <translation>Dieser Computer hat diese Einladung nicht erstellt und kann sie daher nicht bestätigen.</translation>
    </message>
    <message>
        <source>The safety numbers do not match. Do not add %1: the key the sharing server gave for this address may not be theirs. Compare again, digit by digit.</source>
        <translation>Die Sicherheitsnummern stimmen nicht überein. Fügen Sie %1 nicht hinzu: Der Schlüssel, den der Sharing-Server für diese Adresse angegeben hat, gehört möglicherweise nicht dieser Person. Vergleichen Sie erneut, Ziffer für Ziffer.</translation>
    </message>
    <message>
        <source>This is not an invitation code. A code has 20 letters and digits, like 7K2QD-M9XTR-B4N8W-CH3PZ.</source>
        <translation>Dies ist kein Einladungscode. Ein Code besteht aus 20 Buchstaben und Ziffern, zum Beispiel 7K2QD-M9XTR-B4N8W-CH3PZ.</translation>
    </message>
    <message>
        <source>The invitation code does not match this invitation. Check it with the person who invited you; nothing was sent.</source>
        <translation>Der Einladungscode passt nicht zu dieser Einladung. Prüfen Sie ihn zusammen mit der Person, die Sie eingeladen hat; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The invitation was changed on its way to you; nothing was sent. Ask for a new invitation.</source>
        <translation>Die Einladung wurde auf dem Weg zu Ihnen verändert; es wurde nichts gesendet. Bitten Sie um eine neue Einladung.</translation>
    </message>
    <message>
        <source>The safety numbers do not match, so the invitation may not be from %1. Compare again, digit by digit; nothing was sent.</source>
        <translation>Die Sicherheitsnummern stimmen nicht überein, daher stammt die Einladung möglicherweise nicht von %1. Vergleichen Sie erneut, Ziffer für Ziffer; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The answer to the invitation for %1 does not match its invitation code: it was not made with the code you passed on, or the sharing server changed it. %1 was not added; the invitation was cancelled.</source>
        <translation>Die Antwort auf die Einladung für %1 passt nicht zu ihrem Einladungscode: Sie wurde nicht mit dem Code erstellt, den Sie weitergegeben haben, oder der Sharing-Server hat sie verändert. %1 wurde nicht hinzugefügt; die Einladung wurde zurückgezogen.</translation>
    </message>
    <message>
        <source>The answer to the invitation for %1 carries other keys than the ones whose safety number you compared. %1 was not added; the invitation was cancelled.</source>
        <translation>Die Antwort auf die Einladung für %1 enthält andere Schlüssel als die, deren Sicherheitsnummer Sie verglichen haben. %1 wurde nicht hinzugefügt; die Einladung wurde zurückgezogen.</translation>
    </message>
    <message>
        <source>This computer made this invitation and checks its code itself.</source>
        <translation>Dieser Computer hat diese Einladung erstellt und prüft ihren Code selbst.</translation>
    </message>
    <message>
        <source>Only members who manage this folder can add people to it.</source>
        <translation>Nur Mitglieder, die diesen Ordner verwalten, können Personen hinzufügen.</translation>
    </message>
    <message>
        <source>%1 has not accepted this invitation yet.</source>
        <translation>%1 hat diese Einladung noch nicht angenommen.</translation>
    </message>
    <message>
        <source>The sharing server sent an answer to the invitation for %1 that does not carry their keys. Nothing was added; ask %1 to accept a new invitation.</source>
        <translation>Der Sharing-Server hat eine Antwort auf die Einladung für %1 gesendet, die deren Schlüssel nicht enthält. Es wurde niemand hinzugefügt; bitten Sie %1, eine neue Einladung anzunehmen.</translation>
    </message>
    <message>
        <source>The invitation for %1 was made by someone who does not manage this folder now, so only a new invitation can add them.</source>
        <translation>Die Einladung für %1 stammt von jemandem, der diesen Ordner jetzt nicht verwaltet; nur eine neue Einladung kann %1 hinzufügen.</translation>
    </message>
    <message>
        <source>The sharing server did not send the terms the inviter signed for the invitation for %1. Only the client that made the invitation can complete it; or invite %1 again.</source>
        <translation>Der Sharing-Server hat die von der einladenden Person signierten Bedingungen der Einladung für %1 nicht gesendet. Nur das Conclave, das die Einladung erstellt hat, kann sie abschließen – oder laden Sie %1 erneut ein.</translation>
    </message>
    <message>
        <source>The invitation for %1 as the sharing server lists it is not what the person who invited signed (the address, the role, the expiry or the invitation differs). Nothing was added; invite %1 again.</source>
        <translation>Die Einladung für %1, wie der Sharing-Server sie auflistet, ist nicht die, die die einladende Person signiert hat (Adresse, Rolle, Ablaufdatum oder Einladung weichen ab). Niemand wurde hinzugefügt; laden Sie %1 erneut ein.</translation>
    </message>
    <message>
        <source>The invitation for %1 expired on %2, so only a new invitation can add them.</source>
        <translation>Die Einladung für %1 ist am %2 abgelaufen; nur eine neue Einladung kann die Person hinzufügen.</translation>
    </message>
    <message>
        <source>This computer has not yet read the folder&apos;s members as they were when %1 was invited. Try again after the next sync.</source>
        <translation>Dieser Computer kennt die Mitglieder des Ordners noch nicht so, wie sie bei der Einladung von %1 waren. Versuchen Sie es nach der nächsten Synchronisierung erneut.</translation>
    </message>
    <message>
        <source>%1 was added to this folder, removed from it or given another role after the invitation was made, so only a new invitation can add them.</source>
        <translation>%1 wurde nach dem Erstellen der Einladung zu diesem Ordner hinzugefügt, daraus entfernt oder hat eine andere Rolle erhalten; nur eine neue Einladung kann die Person hinzufügen.</translation>
    </message>
    <message>
        <source>The terms of the invitation for %1 do not carry a valid signature by the person who invited under their key in this folder. Only the client that made the invitation can complete it; or invite %1 again.</source>
        <translation>Die Bedingungen der Einladung für %1 tragen keine gültige Signatur der einladenden Person mit ihrem Schlüssel in diesem Ordner. Nur der Client, der die Einladung erstellt hat, kann sie abschließen; oder laden Sie %1 erneut ein.</translation>
    </message>
    <message>
        <source>The invitation for %1 is signed to stay open longer than seven days, so it is not completed here; invite %1 again.</source>
        <translation>Die Einladung für %1 ist so signiert, dass sie länger als sieben Tage offen bleibt; sie wird hier daher nicht abgeschlossen. Laden Sie %1 erneut ein.</translation>
    </message>
    <message>
        <source>The invitation for %1 is no longer the one you took over (its role or address changed). %1 was not added.</source>
        <translation>Die Einladung für %1 ist nicht mehr die, die Sie übernommen haben (Rolle oder Adresse haben sich geändert). %1 wurde nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>The invitation was closed.</source>
        <translation>Die Einladung wurde geschlossen.</translation>
    </message>
    <message>
        <source>%1 is a member of the folder already.</source>
        <translation>%1 ist bereits Mitglied des Ordners.</translation>
    </message>
    <message>
        <source>%1 is a member of this folder already. Change their role under Members instead.</source>
        <translation>%1 ist bereits Mitglied dieses Ordners. Ändern Sie stattdessen die Rolle unter Mitglieder.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::KeychainSecretStore</name>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation>Secret Service</translation>
    </message>
    <message>
        <source>test entry</source>
        <translation>Testeintrag</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>The %1 could not be read from the system keychain: %2</source>
        <translation>Lesen aus dem Schlüsselbund des Systems fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>The %1 could not be saved in the system keychain: %2</source>
        <translation>Speichern im Schlüsselbund des Systems fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>The %1 could not be removed from the system keychain: %2</source>
        <translation>Entfernen aus dem Schlüsselbund des Systems fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>No %1 is stored in the system keychain for this connection.</source>
        <translation>Für diese Verbindung ist im Schlüsselbund des Systems nichts gespeichert (%1).</translation>
    </message>
    <message>
        <source>The system keychain is locked or refused access. Unlock it (for example in your desktop&apos;s password manager) and try again.</source>
        <translation>Der Schlüsselbund des Systems ist gesperrt oder hat den Zugriff verweigert. Entsperren Sie ihn (zum Beispiel in der Passwortverwaltung Ihres Desktops) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No system keychain is available on this computer.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund des Systems verfügbar.</translation>
    </message>
    <message>
        <source>The system keychain on this computer does not support this.</source>
        <translation>Der Schlüsselbund des Systems auf diesem Computer unterstützt das nicht.</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time. It may be locked or busy.</source>
        <translation>Der Schlüsselbund des Systems hat nicht rechtzeitig geantwortet. Er ist möglicherweise gesperrt oder beschäftigt.</translation>
    </message>
    <message>
        <source>The system keychain returned different data than was stored in it.</source>
        <translation>Der Schlüsselbund des Systems hat andere Daten zurückgegeben, als darin gespeichert wurden.</translation>
    </message>
    <message>
        <source>The keychain entry name is not valid.</source>
        <translation>Der Name des Schlüsselbund-Eintrags ist ungültig.</translation>
    </message>
    <message>
        <source>your own credential</source>
        <translation>Ihre eigenen Zugangsdaten</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::KnownAccounts</name>
    <message>
        <source>The list of accounts used on this computer (%1) is damaged. Conclave does not sign in until it is repaired or removed.</source>
        <translation>Die Liste der auf diesem Computer verwendeten Konten (%1) ist beschädigt. Conclave meldet sich nicht an, bis sie repariert oder entfernt ist.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The list of accounts used on this computer cannot be read.</source>
        <translation>Die Liste der auf diesem Computer verwendeten Konten kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The list of accounts used on this computer cannot be saved.</source>
        <translation>Die Liste der auf diesem Computer verwendeten Konten kann nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::LiveChannel</name>
    <message>
        <source>The sharing server did not answer the live connection in time.</source>
        <translation>Der Sharing-Server hat auf die Live-Verbindung nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The live connection to the sharing server stopped answering.</source>
        <translation>Die Live-Verbindung zum Sharing-Server antwortet nicht mehr.</translation>
    </message>
    <message>
        <source>Team Sharing&apos;s network access is not set up; no live connection is opened.</source>
        <translation>Der Netzwerkzugang von Team Sharing ist nicht eingerichtet; es wird keine Live-Verbindung geöffnet.</translation>
    </message>
    <message>
        <source>Not signed in to the sharing server.</source>
        <translation>Nicht beim Sharing-Server angemeldet.</translation>
    </message>
    <message>
        <source>The sharing server ended the session of the live connection.</source>
        <translation>Der Sharing-Server hat die Sitzung der Live-Verbindung beendet.</translation>
    </message>
    <message>
        <source>The sharing server refuses live updates for this account.</source>
        <translation>Der Sharing-Server verweigert Live-Aktualisierungen für dieses Konto.</translation>
    </message>
    <message>
        <source>The live connection to the sharing server was closed.</source>
        <translation>Die Live-Verbindung zum Sharing-Server wurde geschlossen.</translation>
    </message>
    <message>
        <source>The sharing server ended the live connection of this session.</source>
        <translation>Der Sharing-Server hat die Live-Verbindung dieser Sitzung beendet.</translation>
    </message>
    <message>
        <source>The identity of the sharing server cannot be verified: its TLS certificate is not trusted on this computer.</source>
        <translation>Die Identität des Sharing-Servers lässt sich nicht prüfen: Sein TLS-Zertifikat ist auf diesem Computer nicht vertrauenswürdig.</translation>
    </message>
    <message>
        <source>The live connection to the sharing server failed (%1).</source>
        <translation>Die Live-Verbindung zum Sharing-Server ist fehlgeschlagen (%1).</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::LocalCache</name>
    <message>
        <source>The local copy of the shared folders could not be read or written. Nothing was changed.</source>
        <translation>Die lokale Kopie der geteilten Ordner konnte nicht gelesen oder geschrieben werden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The local copy of the shared folders is damaged. It was left as it is; sign in again to fetch the folders anew.</source>
        <translation>Die lokale Kopie der geteilten Ordner ist beschädigt. Sie wurde unverändert gelassen; melden Sie sich erneut an, um die Ordner neu abzurufen.</translation>
    </message>
    <message>
        <source>The local copy of the shared folders was written by a newer version of Conclave. It was left as it is.</source>
        <translation>Die lokale Kopie der geteilten Ordner wurde von einer neueren Version von Conclave geschrieben. Sie wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>The shared folder is not in the local copy.</source>
        <translation>Der geteilte Ordner ist nicht in der lokalen Kopie.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::MachinePolicy</name>
    <message>
        <source>a value of type %1</source>
        <translation>ein Wert vom Typ %1</translation>
    </message>
    <message>
        <source>The policy file %1 could not be read. Team Sharing is off until it can be.</source>
        <translation>Die Richtliniendatei %1 konnte nicht gelesen werden. Team Sharing ist aus, bis sie gelesen werden kann.</translation>
    </message>
    <message>
        <source>The policy file %1 is not a valid settings file. Team Sharing is off until it is fixed.</source>
        <translation>Die Richtliniendatei %1 ist keine gültige Einstellungsdatei. Team Sharing ist aus, bis sie korrigiert ist.</translation>
    </message>
    <message>
        <source>Line %1 of the policy file %2 is neither a [section] nor key=value. Team Sharing is off until it is fixed.</source>
        <translation>Zeile %1 der Richtliniendatei %2 ist weder eine [Sektion] noch Schlüssel=Wert. Team Sharing ist aus, bis sie korrigiert ist.</translation>
    </message>
    <message>
        <source>%1 belongs outside any [section] (write it as %2); it is used anyway.</source>
        <translation>%1 gehört außerhalb jeder [Sektion] (schreiben Sie %2); der Wert wird trotzdem verwendet.</translation>
    </message>
    <message>
        <source>%1 is not a Conclave policy key and is ignored. The keys are TeamSharingEnabled, ServerUrl and InactivityTimeoutMinutes, outside any [section].</source>
        <translation>%1 ist kein Richtlinienschlüssel von Conclave und wird ignoriert. Die Schlüssel sind TeamSharingEnabled, ServerUrl und InactivityTimeoutMinutes, außerhalb jeder [Sektion].</translation>
    </message>
    <message>
        <source>%1 is set more than once (as %2); the most restrictive of the values is used.</source>
        <translation>%1 ist mehrfach gesetzt (als %2); der strengste der Werte wird verwendet.</translation>
    </message>
    <message>
        <source>%1 is %2, which is not true or false (written in lower case; 1 or 0 as a registry DWORD). Team Sharing is off until this is fixed.</source>
        <translation>%1 ist %2, und das ist weder true noch false (kleingeschrieben; 1 oder 0 als DWORD in der Registry). Team Sharing ist aus, bis das korrigiert ist.</translation>
    </message>
    <message>
        <source>it is not a single URL</source>
        <translation>es ist nicht genau eine URL</translation>
    </message>
    <message>
        <source>it is not a complete URL such as https://sharing.example.com</source>
        <translation>es ist keine vollständige URL wie https://sharing.example.com</translation>
    </message>
    <message>
        <source>only https:// URLs are allowed</source>
        <translation>nur https://-URLs sind erlaubt</translation>
    </message>
    <message>
        <source>http:// is allowed only for this computer (localhost); use https://</source>
        <translation>http:// ist nur für diesen Computer (localhost) erlaubt; verwenden Sie https://</translation>
    </message>
    <message>
        <source>it must not contain a user name or password</source>
        <translation>sie darf keinen Benutzernamen und kein Passwort enthalten</translation>
    </message>
    <message>
        <source>it must not contain a query (?) or fragment (#)</source>
        <translation>sie darf keine Abfrage (?) und kein Fragment (#) enthalten</translation>
    </message>
    <message>
        <source>%1 is %2, which cannot be used: %3. Team Sharing is off until this is fixed.</source>
        <translation>%1 ist %2 und kann nicht verwendet werden: %3. Team Sharing ist aus, bis das korrigiert ist.</translation>
    </message>
    <message>
        <source>%1 names two different servers. Team Sharing is off until only one is set.</source>
        <translation>%1 nennt zwei verschiedene Server. Team Sharing ist aus, bis nur einer gesetzt ist.</translation>
    </message>
    <message>
        <source>%1 is %2, which is not a whole number of minutes; %3 minute is used until this is fixed.</source>
        <translation>%1 ist %2, und das ist keine ganze Zahl von Minuten; bis das korrigiert ist, gilt %3 Minute.</translation>
    </message>
    <message>
        <source>%1 is %2, but a policy can only shorten the sign-out time; %3 minutes are used.</source>
        <translation>%1 ist %2, aber eine Richtlinie kann die Zeit bis zur Abmeldung nur verkürzen; es gelten %3 Minuten.</translation>
    </message>
    <message>
        <source>%1 is %2, but the sign-out time is at least %3 minute; %3 minute is used.</source>
        <translation>%1 ist %2, aber die Zeit bis zur Abmeldung beträgt mindestens %3 Minute; es gilt %3 Minute.</translation>
    </message>
    <message>
        <source>The policy in %1 has a value without a key name. Team Sharing is off until it is fixed.</source>
        <translation>Die Richtlinie in %1 hat einen Wert ohne Schlüsselnamen. Team Sharing ist aus, bis das korrigiert ist.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::MemorySecretStore</name>
    <message>
        <source>this session only</source>
        <translation>nur diese Sitzung</translation>
    </message>
    <message>
        <source>No %1 is stored for this connection.</source>
        <translation>Für diese Verbindung ist kein(e) %1 gespeichert.</translation>
    </message>
    <message>
        <source>The keychain entry name is not valid.</source>
        <translation>Der Name des Schlüsselbund-Eintrags ist ungültig.</translation>
    </message>
    <message>
        <source>Nothing is stored under this name.</source>
        <translation>Unter diesem Namen ist nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::OrgBlocksApi</name>
    <message>
        <source>The sharing server sent a list of blocks that Conclave cannot read (at &quot;%1&quot;).</source>
        <translation>Der Sharing-Server hat eine Liste der Sperren gesendet, die Conclave nicht lesen kann (bei „%1“).</translation>
    </message>
    <message>
        <source>Enter an email address or a domain to block.</source>
        <translation>Geben Sie eine E-Mail-Adresse oder eine Domain ein, die gesperrt werden soll.</translation>
    </message>
    <message>
        <source>This address belongs to an owner or admin of the organisation, and blocks never cover them. Make them a member first.</source>
        <translation>Diese Adresse gehört einem Inhaber oder Administrator der Organisation, und Sperren gelten nie für sie. Machen Sie die Person zuerst zu einem Mitglied.</translation>
    </message>
    <message>
        <source>The sharing server refused this domain: it is neither one of the organisation&apos;s domains nor that of one of its members.</source>
        <translation>Der Sharing-Server hat diese Domain abgelehnt: Sie ist weder eine Domain der Organisation noch die eines ihrer Mitglieder.</translation>
    </message>
    <message>
        <source>The sharing server refused this address: it is not the address of a member of the organisation.</source>
        <translation>Der Sharing-Server hat diese Adresse abgelehnt: Sie ist nicht die Adresse eines Mitglieds der Organisation.</translation>
    </message>
    <message>
        <source>Enter a reason of at most %1 characters, without invisible formatting characters.</source>
        <translation>Geben Sie einen Grund mit höchstens %1 Zeichen ein, ohne unsichtbare Formatierungszeichen.</translation>
    </message>
    <message>
        <source>Only the organisation&apos;s owners and admins can manage its blocks.</source>
        <translation>Nur die Inhaber und Administratoren der Organisation können ihre Sperren verwalten.</translation>
    </message>
    <message>
        <source>The sharing server has no such block; it may have been lifted already.</source>
        <translation>Der Sharing-Server kennt diese Sperre nicht; vielleicht wurde sie schon aufgehoben.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::Outbox</name>
    <message>
        <source>A change saved on this computer while offline (number %1) cannot be read: it was altered or belongs to another account. It was left as it is and is not sent.</source>
        <translation>Eine Änderung, die offline auf diesem Computer gespeichert wurde (Nummer %1), kann nicht gelesen werden: Sie wurde verändert oder gehört zu einem anderen Konto. Sie bleibt unverändert und wird nicht gesendet.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::PendingInvitationStore</name>
    <message>
        <source>The invitations made on this computer could not be read or saved in the local copy of the shared folders.</source>
        <translation>Die auf diesem Computer erstellten Einladungen konnten in der lokalen Kopie der geteilten Ordner nicht gelesen oder gespeichert werden.</translation>
    </message>
    <message>
        <source>An invitation kept on this computer cannot be read: it was altered or belongs to another account.</source>
        <translation>Eine auf diesem Computer gespeicherte Einladung kann nicht gelesen werden: Sie wurde verändert oder gehört zu einem anderen Konto.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::SecretStore</name>
    <message>
        <source>This secret store keeps no shared credentials.</source>
        <translation>Dieser Geheimnisspeicher enthält keine geteilten Zugangsdaten.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::SharedConnection</name>
    <message>
        <source>The shared connection cannot be read: %1</source>
        <translation>Die geteilte Verbindung kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>“%1” has the wrong type.</source>
        <translation>„%1“ hat den falschen Typ.</translation>
    </message>
    <message numerus="yes">
        <source>it is larger than %n KiB.</source>
        <translation>
            <numerusform>Sie ist größer als %n KiB.</numerusform>
            <numerusform>Sie ist größer als %n KiB.</numerusform>
        </translation>
    </message>
    <message>
        <source>it is not a JSON object.</source>
        <translation>Sie ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>it is not a connection.</source>
        <translation>Sie ist keine Verbindung.</translation>
    </message>
    <message>
        <source>The shared connection was written by a newer version of Conclave. Update Conclave to read it.</source>
        <translation>Die geteilte Verbindung wurde von einer neueren Version von Conclave geschrieben. Aktualisieren Sie Conclave, um sie zu lesen.</translation>
    </message>
    <message>
        <source>the kind of connection “%1” is not known.</source>
        <translation>Die Verbindungsart „%1“ ist unbekannt.</translation>
    </message>
    <message>
        <source>it lists more than %1 hosts.</source>
        <translation>Sie nennt mehr als %1 Hosts.</translation>
    </message>
    <message>
        <source>a host is not of the form host:port.</source>
        <translation>Ein Host hat nicht die Form host:port.</translation>
    </message>
    <message>
        <source>it has more than %1 options.</source>
        <translation>Sie hat mehr als %1 Optionen.</translation>
    </message>
    <message>
        <source>the SSH port is not between 1 and 65535.</source>
        <translation>Der SSH-Port liegt nicht zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>the SSH sign-in method is not known.</source>
        <translation>Die SSH-Anmeldemethode ist unbekannt.</translation>
    </message>
    <message>
        <source>it has more than %1 tags.</source>
        <translation>Sie hat mehr als %1 Schlagwörter.</translation>
    </message>
    <message>
        <source>the sub-folder path is too long.</source>
        <translation>Der Pfad des Unterordners ist zu lang.</translation>
    </message>
    <message>
        <source>the sub-folder path contains control characters.</source>
        <translation>Der Pfad des Unterordners enthält Steuerzeichen.</translation>
    </message>
    <message>
        <source>it carries a secret option.</source>
        <translation>Sie enthält eine geheime Option.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::SharingApi</name>
    <message>
        <source>The sharing server sent an answer that Conclave cannot read (at &quot;%1&quot;). Nothing was changed.</source>
        <translation>Der Sharing-Server hat eine Antwort gesendet, die Conclave nicht lesen kann (bei „%1“). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The server&apos;s list of organisations is malformed.</source>
        <translation>Die Organisationsliste des Servers ist fehlerhaft.</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::SharingGate</name>
    <message>
        <source>Team Sharing is turned off on this computer by its administrator; Conclave connects to no sharing server.</source>
        <translation>Team Sharing ist auf diesem Computer von seinem Administrator ausgeschaltet; Conclave verbindet sich mit keinem Sharing-Server.</translation>
    </message>
    <message>
        <source>No sharing server is set. Choose one in the settings.</source>
        <translation>Es ist kein Sharing-Server eingestellt. Wählen Sie einen in den Einstellungen.</translation>
    </message>
    <message>
        <source>This is not a sharing server address.</source>
        <translation>Das ist keine Adresse eines Sharing-Servers.</translation>
    </message>
    <message>
        <source>Conclave talks only to the sharing server %1.</source>
        <translation>Conclave spricht nur mit dem Sharing-Server %1.</translation>
    </message>
    <message>
        <source>The sharing server %1 cannot be used: Conclave talks to a sharing server only over https (http only on this computer).</source>
        <translation>Der Sharing-Server %1 kann nicht verwendet werden: Conclave spricht mit einem Sharing-Server nur über https (http nur auf diesem Computer).</translation>
    </message>
</context>
<context>
    <name>Conclave::Core::SyncEngine</name>
    <message>
        <source>Team Sharing is not ready: sign in first.</source>
        <translation>Team-Freigabe ist nicht bereit: Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>This shared folder is not on this computer.</source>
        <translation>Dieser geteilte Ordner ist nicht auf diesem Computer.</translation>
    </message>
    <message>
        <source>The sharing server&apos;s answer was refused and nothing was changed: %1</source>
        <translation>Die Antwort des Sharing-Servers wurde abgelehnt, und es wurde nichts geändert: %1</translation>
    </message>
    <message>
        <source>it describes another folder.</source>
        <translation>Sie beschreibt einen anderen Ordner.</translation>
    </message>
    <message>
        <source>it moves the folder to another organisation.</source>
        <translation>Sie verschiebt den Ordner in eine andere Organisation.</translation>
    </message>
    <message>
        <source>you are no longer a member of this folder.</source>
        <translation>Sie sind kein Mitglied dieses Ordners mehr.</translation>
    </message>
    <message>
        <source>A manager of this folder has not granted you its key yet.</source>
        <translation>Ein Verwalter dieses Ordners hat Ihnen seinen Schlüssel noch nicht übergeben.</translation>
    </message>
    <message>
        <source>the folder&apos;s state is missing although writes were seen.</source>
        <translation>Der Zustand des Ordners fehlt, obwohl Änderungen gesehen wurden.</translation>
    </message>
    <message numerus="yes">
        <source>the server could not deliver %n item(s) intact.</source>
        <translation>
            <numerusform>Der Server konnte %n Eintrag nicht unversehrt liefern.</numerusform>
            <numerusform>Der Server konnte %n Einträge nicht unversehrt liefern.</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder changes faster than it can be read. Try again.</source>
        <translation>Der Ordner ändert sich schneller, als er gelesen werden kann. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>it lists more items than a folder holds.</source>
        <translation>Sie führt mehr Einträge auf, als ein Ordner enthält.</translation>
    </message>
    <message>
        <source>an item is unreadable.</source>
        <translation>Ein Eintrag ist unlesbar.</translation>
    </message>
    <message>
        <source>the folder&apos;s state is missing.</source>
        <translation>Der Zustand des Ordners fehlt.</translation>
    </message>
    <message>
        <source>You may only read this shared folder.</source>
        <translation>Sie dürfen diesen geteilten Ordner nur lesen.</translation>
    </message>
    <message>
        <source>The folder kept changing while the change was saved. Try again.</source>
        <translation>Der Ordner hat sich beim Speichern der Änderung fortwährend geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This computer does not hold the folder&apos;s current key.</source>
        <translation>Dieser Computer hat den aktuellen Schlüssel des Ordners nicht.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s administrators have turned off Team Sharing for you.</source>
        <translation>Die Administratoren Ihrer Organisation haben Team Sharing für Sie ausgeschaltet.</translation>
    </message>
    <message>
        <source>it says you were removed from this folder, but the folder&apos;s signed membership list still lists you.</source>
        <translation>Demnach wurden Sie aus diesem Ordner entfernt, doch die signierte Mitgliederliste des Ordners führt Sie noch auf.</translation>
    </message>
    <message>
        <source>A manager of this folder removed you from it.</source>
        <translation>Jemand, der diesen Ordner verwaltet, hat Sie daraus entfernt.</translation>
    </message>
    <message>
        <source>Only a manager of this folder can do this.</source>
        <translation>Nur wer diesen Ordner verwaltet, kann das tun.</translation>
    </message>
    <message>
        <source>This person is not a member of the folder.</source>
        <translation>Diese Person ist kein Mitglied des Ordners.</translation>
    </message>
    <message>
        <source>Choose View, Edit or Manage.</source>
        <translation>Wählen Sie Lesen, Bearbeiten oder Verwalten.</translation>
    </message>
    <message>
        <source>The member has this role already.</source>
        <translation>Das Mitglied hat diese Rolle bereits.</translation>
    </message>
    <message>
        <source>The folder would have no manager left. Give another member the Manage role first.</source>
        <translation>Dann würde niemand mehr den Ordner verwalten. Geben Sie zuerst einem anderen Mitglied die Rolle „Verwalten“.</translation>
    </message>
    <message>
        <source>Choose another member of the folder.</source>
        <translation>Wählen Sie ein anderes Mitglied des Ordners.</translation>
    </message>
    <message>
        <source>You are the folder&apos;s only manager. Hand over Manage to another member before you leave.</source>
        <translation>Sie sind die einzige Person, die den Ordner verwaltet. Übergeben Sie „Verwalten“ an ein anderes Mitglied, bevor Sie ihn verlassen.</translation>
    </message>
    <message>
        <source>You left this folder.</source>
        <translation>Sie haben diesen Ordner verlassen.</translation>
    </message>
    <message>
        <source>To leave the folder yourself, use Leave folder.</source>
        <translation>Um den Ordner selbst zu verlassen, verwenden Sie „Ordner verlassen“.</translation>
    </message>
    <message>
        <source>The folder would have no manager left.</source>
        <translation>Dann würde niemand mehr den Ordner verwalten.</translation>
    </message>
    <message>
        <source>%1 has a new key. Compare their safety number under Members before the folder can get a new key.</source>
        <translation>%1 hat einen neuen Schlüssel. Vergleichen Sie die Sicherheitsnummer unter „Mitglieder“, bevor der Ordner einen neuen Schlüssel erhalten kann.</translation>
    </message>
    <message>
        <source>A member</source>
        <translation>Ein Mitglied</translation>
    </message>
    <message>
        <source>The sharing server did not name the address of every member, so their keys cannot be looked up. Try again later.</source>
        <translation>Der Sharing-Server hat nicht die Adresse jedes Mitglieds genannt, daher können ihre Schlüssel nicht abgefragt werden. Versuchen Sie es später wieder.</translation>
    </message>
    <message>
        <source>The sharing server answered a key look-up for %1 with another key bundle.</source>
        <translation>Der Sharing-Server hat eine Schlüsselabfrage für %1 mit einem anderen Schlüsselbündel beantwortet.</translation>
    </message>
    <message>
        <source>The folder kept changing while its key was replaced. Try again.</source>
        <translation>Der Ordner hat sich fortwährend geändert, während sein Schlüssel ersetzt wurde. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This member&apos;s key is not known here yet.</source>
        <translation>Der Schlüssel dieses Mitglieds ist hier noch nicht bekannt.</translation>
    </message>
    <message>
        <source>The safety number does not match the member&apos;s new key. Do not confirm it; ask them how their key changed.</source>
        <translation>Die Sicherheitsnummer passt nicht zum neuen Schlüssel des Mitglieds. Bestätigen Sie ihn nicht; fragen Sie das Mitglied, wie sich sein Schlüssel geändert hat.</translation>
    </message>
    <message>
        <source>Only a manager of a folder shared with this member can confirm their new key.</source>
        <translation>Nur eine Person, die einen mit diesem Mitglied geteilten Ordner verwaltet, kann seinen neuen Schlüssel bestätigen.</translation>
    </message>
    <message>
        <source>The local copy of the shared folders could not be removed: %1</source>
        <translation>Die lokale Kopie der geteilten Ordner konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Someone changed this connection meanwhile, so it was not deleted. Look at the change and delete it again if it should go.</source>
        <translation>Jemand hat diese Verbindung inzwischen geändert, daher wurde sie nicht gelöscht. Sehen Sie sich die Änderung an und löschen Sie die Verbindung erneut, falls sie weg soll.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) wait on this computer until the sharing server can be reached: %1</source>
        <translation>
            <numerusform>%n Änderung wartet auf diesem Computer, bis der Sharing-Server erreichbar ist: %1</numerusform>
            <numerusform>%n Änderungen warten auf diesem Computer, bis der Sharing-Server erreichbar ist: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A draft needs the id of its item.</source>
        <translation>Ein Entwurf braucht die ID seines Eintrags.</translation>
    </message>
    <message>
        <source>This refused change is no longer kept.</source>
        <translation>Diese abgelehnte Änderung wird nicht mehr aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::AccountDialog</name>
    <message>
        <source>Team Sharing Account</source>
        <translation>Team-Sharing-Konto</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Angemeldet als:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Change Password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>&amp;Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Your other devices are signed out and sign in again with the new password.</source>
        <translation>Ihre anderen Geräte werden abgemeldet und melden sich mit dem neuen Passwort wieder an.</translation>
    </message>
    <message>
        <source>&amp;Change Password</source>
        <translation>Passwort ä&amp;ndern</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Team Sharing is available for this account.</source>
        <translation>Team Sharing steht für dieses Konto zur Verfügung.</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Dieses Gerät</translation>
    </message>
    <message>
        <source>Another device</source>
        <translation>Ein anderes Gerät</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Geben Sie Ihr aktuelles Passwort ein.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Wählen Sie ein Passwort mit mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
    <message>
        <source>Changing the password… Making the new keys takes a moment.</source>
        <translation>Das Passwort wird geändert … Die neuen Schlüssel zu erzeugen dauert einen Moment.</translation>
    </message>
    <message>
        <source>The password is changed. Your other devices were signed out.</source>
        <translation>Das Passwort ist geändert. Ihre anderen Geräte wurden abgemeldet.</translation>
    </message>
    <message>
        <source>The session is revoked; that device is signed out.</source>
        <translation>Die Sitzung ist widerrufen; dieses Gerät ist abgemeldet.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::AuditEntryModel</name>
    <message>
        <source>Organisation created</source>
        <translation>Organisation angelegt</translation>
    </message>
    <message>
        <source>Domain added</source>
        <translation>Domain hinzugefügt</translation>
    </message>
    <message>
        <source>Owner added</source>
        <translation>Inhaber hinzugefügt</translation>
    </message>
    <message>
        <source>Administrator added</source>
        <translation>Administrator hinzugefügt</translation>
    </message>
    <message>
        <source>Team Sharing blocked</source>
        <translation>Team Sharing gesperrt</translation>
    </message>
    <message>
        <source>Block lifted</source>
        <translation>Sperre aufgehoben</translation>
    </message>
    <message>
        <source>Folder shared</source>
        <translation>Ordner geteilt</translation>
    </message>
    <message>
        <source>Folder deleted</source>
        <translation>Ordner gelöscht</translation>
    </message>
    <message>
        <source>Folder restored</source>
        <translation>Ordner wiederhergestellt</translation>
    </message>
    <message>
        <source>Folder key granted</source>
        <translation>Ordnerschlüssel vergeben</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>Mitglied hinzugefügt</translation>
    </message>
    <message>
        <source>Member removed</source>
        <translation>Mitglied entfernt</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Rolle geändert</translation>
    </message>
    <message>
        <source>Member left</source>
        <translation>Mitglied ausgetreten</translation>
    </message>
    <message>
        <source>Changed key confirmed</source>
        <translation>Geänderter Schlüssel bestätigt</translation>
    </message>
    <message>
        <source>Folder key rotated</source>
        <translation>Ordnerschlüssel erneuert</translation>
    </message>
    <message>
        <source>Membership change</source>
        <translation>Mitgliederänderung</translation>
    </message>
    <message>
        <source>Invitation sent</source>
        <translation>Einladung gesendet</translation>
    </message>
    <message>
        <source>Invitation accepted</source>
        <translation>Einladung angenommen</translation>
    </message>
    <message>
        <source>Invitation declined</source>
        <translation>Einladung abgelehnt</translation>
    </message>
    <message>
        <source>Invitation cancelled</source>
        <translation>Einladung zurückgezogen</translation>
    </message>
    <message>
        <source>Invitation expired</source>
        <translation>Einladung abgelaufen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Items read</source>
        <translation>Einträge gelesen</translation>
    </message>
    <message>
        <source>Share a folder</source>
        <translation>Ordner teilen</translation>
    </message>
    <message>
        <source>Delete the folder</source>
        <translation>Ordner löschen</translation>
    </message>
    <message>
        <source>Restore the folder</source>
        <translation>Ordner wiederherstellen</translation>
    </message>
    <message>
        <source>Change the members</source>
        <translation>Mitglieder ändern</translation>
    </message>
    <message>
        <source>Grant the folder key</source>
        <translation>Ordnerschlüssel vergeben</translation>
    </message>
    <message>
        <source>Invite someone</source>
        <translation>Jemanden einladen</translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Change a connection</source>
        <translation>Verbindung ändern</translation>
    </message>
    <message>
        <source>Rotate the folder key</source>
        <translation>Ordnerschlüssel erneuern</translation>
    </message>
    <message>
        <source>Read the folder&apos;s history</source>
        <translation>Verlauf des Ordners lesen</translation>
    </message>
    <message>
        <source>Read a connection&apos;s history</source>
        <translation>Verlauf einer Verbindung lesen</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Anfrage %1</translation>
    </message>
    <message>
        <source>not allowed for the role</source>
        <translation>für die Rolle nicht erlaubt</translation>
    </message>
    <message>
        <source>made on an outdated version</source>
        <translation>an einer veralteten Fassung vorgenommen</translation>
    </message>
    <message>
        <source>Team Sharing is blocked</source>
        <translation>Team Sharing ist gesperrt</translation>
    </message>
    <message>
        <source>address not verified</source>
        <translation>Adresse nicht bestätigt</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Folder reads</source>
        <translation>Ordner-Lesezugriffe</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(automatisch)</translation>
    </message>
    <message>
        <source>Server operator</source>
        <translation>Serverbetreiber</translation>
    </message>
    <message>
        <source>Entry %1 cannot be read</source>
        <translation>Eintrag %1 ist nicht lesbar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ConnectionCheckDialog</name>
    <message>
        <source>Test Connection — %1</source>
        <translation>Verbindung testen — %1</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet …</translation>
    </message>
    <message>
        <source>The stored password could not be read: %1</source>
        <translation>Das gespeicherte Passwort konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation>Der Test wurde abgebrochen.</translation>
    </message>
    <message>
        <source>&amp;Edit Connection…</source>
        <translation>Verbindung &amp;bearbeiten …</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ConnectionDetailsPane</name>
    <message>
        <source>Select a connection to see its details.</source>
        <translation>Wählen Sie eine Verbindung aus, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Hosts:</source>
        <translation>Hosts:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>SSH tunnel:</source>
        <translation>SSH-Tunnel:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>%1 (DNS SRV record)</source>
        <translation>%1 (DNS-SRV-Eintrag)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>(with client certificate)</source>
        <translation>(mit Client-Zertifikat)</translation>
    </message>
    <message>
        <source>(host names not checked)</source>
        <translation>(Hostnamen werden nicht geprüft)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n connection(s)</source>
        <translation>
            <numerusform>%1 — %n Verbindung</numerusform>
            <numerusform>%1 — %n Verbindungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n subfolder(s)</source>
        <translation>
            <numerusform>in %n Unterordner</numerusform>
            <numerusform>in %n Unterordnern</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared:</source>
        <translation>Geteilt:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Last changed:</source>
        <translation>Zuletzt geändert:</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ConnectionEditorDialog</name>
    <message>
        <source>New Connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>Edit Connection</source>
        <translation>Verbindung bearbeiten</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>e.g. Orders (production)</source>
        <translation>z. B. Bestellungen (Produktion)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Use a DNS &amp;SRV record (mongodb+srv)</source>
        <translation>DNS-&amp;SRV-Eintrag verwenden (mongodb+srv)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>&amp;Hosts:</source>
        <translation>&amp;Hosts:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>Schlagwörter durch Kommas trennen</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>Schlag&amp;wörter:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Stored in your keychain</source>
        <translation>Im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Forget the stored password</source>
        <translation>Gespeichertes Passwort &amp;vergessen</translation>
    </message>
    <message>
        <source>Passwords are kept in your system keychain, never in Conclave&apos;s files.</source>
        <translation>Passwörter liegen im Schlüsselbund Ihres Systems, nie in den Dateien von Conclave.</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>C&amp;A-Datei:</translation>
    </message>
    <message>
        <source>Choose a CA bundle</source>
        <translation>CA-Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>Zertifikate des Systems</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>Client-&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>Choose a client certificate</source>
        <translation>Client-Zertifikat wählen</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Client-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Choose the client key</source>
        <translation>Client-Schlüssel wählen</translation>
    </message>
    <message>
        <source>Forget the stored client certificate</source>
        <translation>Gespeichertes Client-Zertifikat vergessen</translation>
    </message>
    <message>
        <source>Allow &amp;invalid host names (insecure)</source>
        <translation>&amp;Ungültige Hostnamen erlauben (unsicher)</translation>
    </message>
    <message>
        <source>The certificate and key files are read once and kept in your keychain.</source>
        <translation>Zertifikat- und Schlüsseldateien werden einmal gelesen und im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Connect through an &amp;SSH tunnel</source>
        <translation>Über einen &amp;SSH-Tunnel verbinden</translation>
    </message>
    <message>
        <source>SSH &amp;host:</source>
        <translation>SSH-&amp;Host:</translation>
    </message>
    <message>
        <source>SSH &amp;port:</source>
        <translation>SSH-&amp;Port:</translation>
    </message>
    <message>
        <source>SSH &amp;user:</source>
        <translation>SSH-&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Anmeldung:</translation>
    </message>
    <message>
        <source>SSH pass&amp;word:</source>
        <translation>SSH-Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Private &amp;key file:</source>
        <translation>&amp;Datei des privaten Schlüssels:</translation>
    </message>
    <message>
        <source>Choose a private key</source>
        <translation>Privaten Schlüssel wählen</translation>
    </message>
    <message>
        <source>Connection &amp;options (for example authSource, replicaSet, sslmode):</source>
        <translation>Verbindungs&amp;optionen (zum Beispiel authSource, replicaSet, sslmode):</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Database number, e.g. 0</source>
        <translation>Datenbanknummer, z. B. 0</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; cannot be read: %2</source>
        <translation>Die Datei „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is too large to be a key or certificate.</source>
        <translation>Die Datei „%1“ ist zu groß für einen Schlüssel oder ein Zertifikat.</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is empty.</source>
        <translation>Die Datei „%1“ ist leer.</translation>
    </message>
    <message>
        <source>Choose the client certificate that belongs to this key.</source>
        <translation>Wählen Sie das Client-Zertifikat, das zu diesem Schlüssel gehört.</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Lila</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <source>T&amp;est Connection</source>
        <translation>Verbindung t&amp;esten</translation>
    </message>
    <message>
        <source>Test the connection with the values entered here, before saving them</source>
        <translation>Die Verbindung mit den hier eingegebenen Werten testen, bevor sie gespeichert werden</translation>
    </message>
    <message>
        <source>The host is a DNS name whose SRV record lists the servers; such connections always use TLS unless you turn it off</source>
        <translation>Der Host ist ein DNS-Name, dessen SRV-Eintrag die Server nennt; solche Verbindungen verwenden immer TLS, außer Sie schalten es aus</translation>
    </message>
    <message>
        <source>Add a host</source>
        <translation>Einen Host hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected host</source>
        <translation>Den ausgewählten Host entfernen</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>SSH tunnel</source>
        <translation>SSH-Tunnel</translation>
    </message>
    <message numerus="yes">
        <source>An SRV record names a single host: the other %n host(s) will be removed when you save.</source>
        <translation>
            <numerusform>Ein SRV-Eintrag nennt einen einzigen Host: der andere Host wird beim Speichern entfernt.</numerusform>
            <numerusform>Ein SRV-Eintrag nennt einen einzigen Host: die anderen %n Hosts werden beim Speichern entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Host %1: %2</source>
        <translation>Host %1: %2</translation>
    </message>
    <message>
        <source>Option %1: %2</source>
        <translation>Option %1: %2</translation>
    </message>
    <message>
        <source>Discard Changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>This connection has changes that are not saved. Discard them?</source>
        <translation>Diese Verbindung hat Änderungen, die nicht gespeichert sind. Verwerfen?</translation>
    </message>
    <message>
        <source>&amp;Discard Changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Top level</source>
        <translation>Oberste Ebene</translation>
    </message>
    <message>
        <source>Encrypt the connection with T&amp;LS</source>
        <translation>Verbindung mit TLS &amp;verschlüsseln</translation>
    </message>
    <message>
        <source>Ke&amp;y passphrase:</source>
        <translation>Sch&amp;lüssel-Passphrase:</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>No&amp;tizen:</translation>
    </message>
    <message>
        <source>Kept until Conclave quits</source>
        <translation>Bis zum Beenden von Conclave aufbewahrt</translation>
    </message>
    <message>
        <source>Kept in memory until Conclave quits</source>
        <translation>Bis zum Beenden von Conclave im Speicher</translation>
    </message>
    <message>
        <source>No keychain is in use: passwords are kept in memory until Conclave quits, never in Conclave&apos;s files. After a restart Conclave asks for them when you test or open the connection.</source>
        <translation>Es wird kein Schlüsselbund verwendet: Passwörter bleiben bis zum Beenden von Conclave im Speicher, nie in den Dateien von Conclave. Nach einem Neustart fragt Conclave danach, wenn Sie die Verbindung testen oder öffnen.</translation>
    </message>
    <message>
        <source>No keychain is in use: the certificate and key files are read once and kept in memory until Conclave quits.</source>
        <translation>Es wird kein Schlüsselbund verwendet: Zertifikat- und Schlüsseldatei werden einmal gelesen und bis zum Beenden von Conclave im Speicher gehalten.</translation>
    </message>
    <message>
        <source>You may only view this shared connection. You can still change your own credentials on the Authentication tab.</source>
        <translation>Sie dürfen diese geteilte Verbindung nur ansehen. Ihre eigenen Zugangsdaten können Sie auf der Registerkarte „Anmeldung“ trotzdem ändern.</translation>
    </message>
    <message>
        <source>Your own credentials</source>
        <translation>Ihre eigenen Zugangsdaten</translation>
    </message>
    <message>
        <source>The SSH user, password and passphrase are your own: they stay in this computer&apos;s keychain and are not shared.</source>
        <translation>SSH-Benutzer, -Passwort und -Passphrase gehören nur Ihnen: Sie bleiben im Schlüsselbund dieses Computers und werden nicht geteilt.</translation>
    </message>
    <message>
        <source>Your &amp;user name:</source>
        <translation>Ihr &amp;Benutzername:</translation>
    </message>
    <message>
        <source>Your &amp;password:</source>
        <translation>Ihr &amp;Passwort:</translation>
    </message>
    <message>
        <source>Your SSH &amp;user:</source>
        <translation>Ihr SSH-&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Your SSH pass&amp;word:</source>
        <translation>Ihr SSH-Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Your ke&amp;y passphrase:</source>
        <translation>Ihre Sch&amp;lüssel-Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Forget your stored password</source>
        <translation>Ihr gespeichertes Passwort &amp;vergessen</translation>
    </message>
    <message>
        <source>Only for you: kept in this computer&apos;s keychain, never shared with the other members of the folder.</source>
        <translation>Nur für Sie: im Schlüsselbund dieses Computers gespeichert, nie mit den anderen Mitgliedern des Ordners geteilt.</translation>
    </message>
    <message>
        <source>Client certificates and keys are not shared and are not used for shared connections.</source>
        <translation>Client-Zertifikate und -Schlüssel werden nicht geteilt und für geteilte Verbindungen nicht verwendet.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ConnectionTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>You may only view this shared folder: a manager of it can give you the right to edit.</source>
        <translation>Sie dürfen diesen geteilten Ordner nur lesen: Wer ihn verwaltet, kann Ihnen das Recht zum Bearbeiten geben.</translation>
    </message>
    <message>
        <source>Shared folder. %1</source>
        <translation>Geteilter Ordner. %1</translation>
    </message>
    <message>
        <source>Shared folder: the members of it see what you change here.</source>
        <translation>Geteilter Ordner: Seine Mitglieder sehen, was Sie hier ändern.</translation>
    </message>
    <message>
        <source>Your own user name and password for this shared connection are missing: edit it to enter them (they stay in your keychain).</source>
        <translation>Ihr eigener Benutzername und Ihr Passwort für diese geteilte Verbindung fehlen: Bearbeiten Sie die Verbindung, um sie einzugeben (sie bleiben in Ihrem Schlüsselbund).</translation>
    </message>
    <message>
        <source>A conflict copy of “%1”: the same field was changed here and by someone else at the same time. Compare the two, keep what you need in “%1” and delete this copy.</source>
        <translation>Eine Konfliktkopie von „%1“: Dasselbe Feld wurde hier und gleichzeitig von jemand anderem geändert. Vergleichen Sie beide, übernehmen Sie, was Sie brauchen, in „%1“ und löschen Sie diese Kopie.</translation>
    </message>
    <message>
        <source>A conflict copy of a connection that is no longer in this folder: the same field was changed here and by someone else at the same time.</source>
        <translation>Eine Konfliktkopie einer Verbindung, die nicht mehr in diesem Ordner ist: Dasselbe Feld wurde hier und gleichzeitig von jemand anderem geändert.</translation>
    </message>
    <message>
        <source>A conflict copy of “%1”, made on %2: the same field was changed here and by someone else at the same time. Compare the two, keep what you need in “%1” and delete this copy.</source>
        <translation>Eine Konfliktkopie von „%1“, entstanden am %2: Dasselbe Feld wurde hier und gleichzeitig von jemand anderem geändert. Vergleichen Sie beide, übernehmen Sie, was Sie brauchen, in „%1“ und löschen Sie diese Kopie.</translation>
    </message>
    <message>
        <source>A conflict copy of a connection that is no longer in this folder, made on %1: the same field was changed here and by someone else at the same time.</source>
        <translation>Eine Konfliktkopie einer Verbindung, die nicht mehr in diesem Ordner ist, entstanden am %1: Dasselbe Feld wurde hier und gleichzeitig von jemand anderem geändert.</translation>
    </message>
    <message>
        <source>%1 (conflict)</source>
        <translation>%1 (Konflikt)</translation>
    </message>
    <message>
        <source>%1 (conflict, %2)</source>
        <translation>%1 (Konflikt, %2)</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::EmptyStateWidget</name>
    <message>
        <source>No connections yet</source>
        <translation>Noch keine Verbindungen</translation>
    </message>
    <message>
        <source>Add your first database or SSH connection, or import connection URIs and hosts from your SSH configuration.</source>
        <translation>Legen Sie Ihre erste Datenbank- oder SSH-Verbindung an, oder importieren Sie Verbindungs-URIs und Hosts aus Ihrer SSH-Konfiguration.</translation>
    </message>
    <message>
        <source>New Connection…</source>
        <translation>Neue Verbindung …</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <source>Connections unavailable</source>
        <translation>Verbindungen nicht verfügbar</translation>
    </message>
    <message>
        <source>The connection database could not be opened, so Conclave started with an empty, read-only list. The file was not changed.</source>
        <translation>Die Verbindungsdatenbank konnte nicht geöffnet werden, daher startet Conclave mit einer leeren, schreibgeschützten Liste. Die Datei wurde nicht verändert.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::EnforcedPolicyWidget</name>
    <message>
        <source>Set by your system administrator</source>
        <translation>Von Ihrem Systemadministrator festgelegt</translation>
    </message>
    <message>
        <source>Your system administrator set these in %1. They cannot be changed in Conclave; ask your administrator if one of them stops you from working.</source>
        <translation>Ihr Systemadministrator hat diese Werte in %1 festgelegt. Sie können in Conclave nicht geändert werden; wenden Sie sich an Ihren Administrator, wenn einer davon Sie an der Arbeit hindert.</translation>
    </message>
    <message>
        <source>Team Sharing:</source>
        <translation>Team Sharing:</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Sharing server:</source>
        <translation>Sharing-Server:</translation>
    </message>
    <message>
        <source>Sign-out after no input:</source>
        <translation>Abmeldung ohne Eingabe:</translation>
    </message>
    <message numerus="yes">
        <source>at most %n minute(s)</source>
        <translation>
            <numerusform>höchstens %n Minute</numerusform>
            <numerusform>höchstens %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems in the policy:</source>
        <translation>Probleme in der Richtlinie:</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::FolderHistoryDialog</name>
    <message>
        <source>Folder History</source>
        <translation>Ordnerverlauf</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Verlauf von %1</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Verlauf wird gelesen …</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>&amp;Show reads</source>
        <translation>Lesezugriffe &amp;zeigen</translation>
    </message>
    <message>
        <source>Also lists each time a member&apos;s computer read the folder&apos;s connections.</source>
        <translation>Listet auch jedes Mal auf, wenn der Computer eines Mitglieds die Verbindungen des Ordners gelesen hat.</translation>
    </message>
    <message>
        <source>Audit entries of the folder</source>
        <translation>Protokolleinträge des Ordners</translation>
    </message>
    <message>
        <source>&amp;Newer</source>
        <translation>&amp;Neuere</translation>
    </message>
    <message>
        <source>&amp;Older</source>
        <translation>&amp;Ältere</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ak&amp;tualisieren</translation>
    </message>
    <message>
        <source>&amp;Connection History</source>
        <translation>&amp;Verbindungsverlauf</translation>
    </message>
    <message>
        <source>No connections</source>
        <translation>Keine Verbindungen</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The newest entries the server keeps about this folder, newest first.</source>
        <translation>Die neuesten Einträge, die der Server zu diesem Ordner aufbewahrt, neueste zuerst.</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ImportDialog</name>
    <message>
        <source>Import Connections</source>
        <translation>Verbindungen importieren</translation>
    </message>
    <message>
        <source>Paste connection URIs, one per line (mongodb://, mongodb+srv://, postgresql://, mysql://, redis://, ssh://), or read them from a file.</source>
        <translation>Fügen Sie Verbindungs-URIs ein, eine pro Zeile (mongodb://, mongodb+srv://, postgresql://, mysql://, redis://, ssh://), oder lesen Sie sie aus einer Datei.</translation>
    </message>
    <message>
        <source>Open &amp;File…</source>
        <translation>&amp;Datei öffnen …</translation>
    </message>
    <message>
        <source>Read ~/.ssh/&amp;config</source>
        <translation>~/.ssh/&amp;config lesen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Connections are added at the top level.</source>
        <translation>Verbindungen werden auf oberster Ebene hinzugefügt.</translation>
    </message>
    <message>
        <source>Connections are added to the folder “%1”.</source>
        <translation>Verbindungen werden dem Ordner „%1“ hinzugefügt.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import URIs from a File</source>
        <translation>URIs aus einer Datei importieren</translation>
    </message>
    <message>
        <source>Text files (*.txt *.uri *.list)</source>
        <translation>Textdateien (*.txt *.uri *.list)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>From the file %1</source>
        <translation>Aus der Datei %1</translation>
    </message>
    <message>
        <source>From the SSH configuration %1</source>
        <translation>Aus der SSH-Konfiguration %1</translation>
    </message>
    <message>
        <source>Nothing to import yet.</source>
        <translation>Noch nichts zu importieren.</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) found.</source>
        <translation>
            <numerusform>%n Verbindung gefunden.</numerusform>
            <numerusform>%n Verbindungen gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) could not be read and will be skipped.</source>
        <translation>
            <numerusform>%n Zeile konnte nicht gelesen werden und wird übersprungen.</numerusform>
            <numerusform>%n Zeilen konnten nicht gelesen werden und werden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped: %1.</source>
        <translation>Übersprungen: %1.</translation>
    </message>
    <message>
        <source>Passwords found in URIs go to your keychain.</source>
        <translation>In URIs gefundene Passwörter kommen in Ihren Schlüsselbund.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Untick what you do not want; press F2 or double-click a name to change it.</source>
        <translation>Entfernen Sie den Haken bei allem, was Sie nicht wollen; F2 oder ein Doppelklick auf einen Namen ändert ihn.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation>Schon vorhanden</translation>
    </message>
    <message>
        <source>A connection to the same server, as the same user, exists already: “%1”. Tick it to import it anyway.</source>
        <translation>Eine Verbindung zum selben Server mit demselben Benutzer gibt es schon: „%1“. Setzen Sie den Haken, um sie trotzdem zu importieren.</translation>
    </message>
    <message>
        <source>Listed twice</source>
        <translation>Doppelt aufgeführt</translation>
    </message>
    <message>
        <source>The same connection is listed above. Tick it to import it anyway.</source>
        <translation>Dieselbe Verbindung steht weiter oben. Setzen Sie den Haken, um sie trotzdem zu importieren.</translation>
    </message>
    <message numerus="yes">
        <source>%n of them exist already and are not ticked.</source>
        <translation>
            <numerusform>Eine davon gibt es schon; sie ist nicht angehakt.</numerusform>
            <numerusform>%n davon gibt es schon; sie sind nicht angehakt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Passwords found in URIs are kept in memory until Conclave quits (no keychain is in use).</source>
        <translation>In URIs gefundene Passwörter bleiben bis zum Beenden von Conclave im Speicher (es wird kein Schlüsselbund verwendet).</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::InactivityWarningDialog</name>
    <message>
        <source>Team Sharing</source>
        <translation>Team Sharing</translation>
    </message>
    <message>
        <source>&amp;Stay signed in</source>
        <translation>&amp;Angemeldet bleiben</translation>
    </message>
    <message>
        <source>You will be signed out of Team Sharing in %1 because there was no keyboard or mouse input. Shared folders will close; your local connections stay available.</source>
        <translation>Sie werden in %1 von Team Sharing abgemeldet, weil es keine Eingabe über Tastatur oder Maus gab. Geteilte Ordner werden geschlossen; Ihre lokalen Verbindungen bleiben verfügbar.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::InvitationsDialog</name>
    <message>
        <source>Invitations</source>
        <translation>Einladungen</translation>
    </message>
    <message>
        <source>Invitations to shared folders. Accept one to join the folder; a manager&apos;s Conclave then adds you, and the folder appears in your tree.</source>
        <translation>Einladungen zu geteilten Ordnern. Nehmen Sie eine an, um dem Ordner beizutreten; das Conclave eines Verwalters fügt Sie dann hinzu, und der Ordner erscheint in Ihrem Baum.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Show &amp;More</source>
        <translation>&amp;Mehr anzeigen</translation>
    </message>
    <message>
        <source>Invitation &amp;code:</source>
        <translation>Einladungs&amp;code:</translation>
    </message>
    <message>
        <source>The person who invited you passes the code on by another channel (chat, phone, in person).</source>
        <translation>Die Person, die Sie eingeladen hat, gibt Ihnen den Code auf einem anderen Weg weiter (Chat, Telefon, persönlich).</translation>
    </message>
    <message>
        <source>Read out yours:</source>
        <translation>Lesen Sie Ihre vor:</translation>
    </message>
    <message>
        <source>&amp;Their number:</source>
        <translation>Nummer des &amp;Gegenübers:</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>Ab&amp;lehnen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Waiting for a manager</source>
        <translation>Wartet auf einen Verwalter</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Reading your invitations…</source>
        <translation>Ihre Einladungen werden gelesen …</translation>
    </message>
    <message>
        <source>(a shared folder)</source>
        <translation>(ein geteilter Ordner)</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>You have no open invitations.</source>
        <translation>Sie haben keine offenen Einladungen.</translation>
    </message>
    <message>
        <source>%1 chose to compare safety numbers. Call them or meet in person: read out your number above, then type the one they read out for themselves.</source>
        <translation>%1 möchte Sicherheitsnummern vergleichen. Rufen Sie die Person an oder treffen Sie sie persönlich: Lesen Sie Ihre Nummer oben vor, und geben Sie dann die Nummer ein, die die Person für sich vorliest.</translation>
    </message>
    <message>
        <source>Answering the invitation…</source>
        <translation>Die Einladung wird beantwortet …</translation>
    </message>
    <message>
        <source>Accepted. A manager&apos;s Conclave adds you when it is next online; the folder then appears in your tree.</source>
        <translation>Angenommen. Das Conclave eines Verwalters fügt Sie hinzu, sobald es wieder online ist; dann erscheint der Ordner in Ihrem Baum.</translation>
    </message>
    <message>
        <source>Declined.</source>
        <translation>Abgelehnt.</translation>
    </message>
    <message>
        <source>Your safety number:</source>
        <translation>Ihre Sicherheitsnummer:</translation>
    </message>
    <message>
        <source>%1&apos;s Conclave adds you when it is next online. Another manager of the folder may call you to add you sooner: read out your safety number below, and check theirs under Members once you have joined.</source>
        <translation>Das Conclave von %1 fügt Sie hinzu, sobald es wieder online ist. Eine andere Ordnerverwaltung kann Sie anrufen, um Sie früher hinzuzufügen: Lesen Sie Ihre Sicherheitsnummer unten vor und prüfen Sie deren Nummer unter „Mitglieder“, sobald Sie beigetreten sind.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ItemHistoryDialog</name>
    <message>
        <source>Connection History</source>
        <translation>Verlauf der Verbindung</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Verlauf von %1</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Der Verlauf wird gelesen …</translation>
    </message>
    <message>
        <source>Audit entries of the connection</source>
        <translation>Prüfprotokoll-Einträge der Verbindung</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The server has no entries about this connection.</source>
        <translation>Der Server hat keine Einträge zu dieser Verbindung.</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n entries the server keeps about this connection, newest first.</source>
        <translation>
            <numerusform>%n Eintrag, den der Server zu dieser Verbindung aufbewahrt.</numerusform>
            <numerusform>Die neuesten %n Einträge, die der Server zu dieser Verbindung aufbewahrt, neueste zuerst.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::LanguageComboBox</name>
    <message>
        <source>Conclave speaks the chosen language from its next start.</source>
        <translation>Conclave spricht die gewählte Sprache ab dem nächsten Start.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::LanguageSetting</name>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::MainWindow</name>
    <message>
        <source>Conclave</source>
        <translation>Conclave</translation>
    </message>
    <message>
        <source>&amp;New Connection…</source>
        <translation>&amp;Neue Verbindung …</translation>
    </message>
    <message>
        <source>New Connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>New &amp;Folder</source>
        <translation>Neuer &amp;Ordner</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Copy URI</source>
        <translation>URI &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy URI</source>
        <translation>URI kopieren</translation>
    </message>
    <message>
        <source>Copy URI with &amp;Password</source>
        <translation>URI mit &amp;Passwort kopieren</translation>
    </message>
    <message>
        <source>Copies the URI including the password; the clipboard is cleared after 30 seconds.</source>
        <translation>Kopiert die URI samt Passwort; die Zwischenablage wird nach 30 Sekunden geleert.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Opens the connection in its client in your terminal.</source>
        <translation>Öffnet die Verbindung mit ihrem Client in Ihrem Terminal.</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Filter by name, host or tag (Ctrl+F)</source>
        <translation>Filtern nach Name, Host, Schlagwort (Strg+F)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Your connections were saved by a newer version of Conclave. Conclave started with an empty, read-only list and did not change the file. Update Conclave to see them.</source>
        <translation>Ihre Verbindungen wurden von einer neueren Version von Conclave gespeichert. Conclave startet mit einer leeren, schreibgeschützten Liste und hat die Datei nicht verändert. Aktualisieren Sie Conclave, um sie zu sehen.</translation>
    </message>
    <message>
        <source>Your connection database is damaged. Conclave started with an empty, read-only list and did not change the file (%1). Details: %2</source>
        <translation>Ihre Verbindungsdatenbank ist beschädigt. Conclave startet mit einer leeren, schreibgeschützten Liste und hat die Datei nicht verändert (%1). Details: %2</translation>
    </message>
    <message>
        <source>Your connection database could not be opened: %1 Conclave started with an empty, read-only list.</source>
        <translation>Ihre Verbindungsdatenbank konnte nicht geöffnet werden: %1 Conclave startet mit einer leeren, schreibgeschützten Liste.</translation>
    </message>
    <message>
        <source>Some connections could not be read: %1</source>
        <translation>Einige Verbindungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The connection list is read-only.</source>
        <translation>Die Verbindungsliste ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>The change could not be saved.</source>
        <translation>Die Änderung konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>A password or key could not be saved in the keychain: %1</source>
        <translation>Ein Passwort oder Schlüssel konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>%1 anlegen</translation>
    </message>
    <message>
        <source>Create folder</source>
        <translation>Ordner anlegen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>%1 duplizieren</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>%n Eintrag löschen</numerusform>
            <numerusform>%n Einträge löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename folder</source>
        <translation>Ordner umbenennen</translation>
    </message>
    <message numerus="yes">
        <source>Move %n item(s)</source>
        <translation>
            <numerusform>%n Eintrag verschieben</numerusform>
            <numerusform>%n Einträge verschieben</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Rename Folder</source>
        <translation>Ordner &amp;umbenennen</translation>
    </message>
    <message>
        <source>No password is stored for this connection; copied the URI without one.</source>
        <translation>Für diese Verbindung ist kein Passwort gespeichert; die URI wurde ohne Passwort kopiert.</translation>
    </message>
    <message>
        <source>URI with password copied. The clipboard is cleared in 30 seconds.</source>
        <translation>URI mit Passwort kopiert. Die Zwischenablage wird in 30 Sekunden geleert.</translation>
    </message>
    <message>
        <source>URI copied.</source>
        <translation>URI kopiert.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n connection(s)</source>
        <translation>
            <numerusform>%n Verbindung importieren</numerusform>
            <numerusform>%n Verbindungen importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n connection(s).</source>
        <translation>
            <numerusform>%n Verbindung importiert.</numerusform>
            <numerusform>%n Verbindungen importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Export Connections</source>
        <translation>Verbindungen exportieren</translation>
    </message>
    <message>
        <source>Conclave export (*.json)</source>
        <translation>Conclave-Export (*.json)</translation>
    </message>
    <message>
        <source>List of URIs (*.txt)</source>
        <translation>Liste von URIs (*.txt)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n connection(s) without passwords.</source>
        <translation>
            <numerusform>%n Verbindung ohne Passwörter exportiert.</numerusform>
            <numerusform>%n Verbindungen ohne Passwörter exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Rena&amp;me</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>E&amp;xpand All</source>
        <translation>Alle &amp;aufklappen</translation>
    </message>
    <message>
        <source>Co&amp;llapse All</source>
        <translation>Alle &amp;zuklappen</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Papierkorb …</translation>
    </message>
    <message>
        <source>Deleted connections and folders, until you empty the Trash.</source>
        <translation>Gelöschte Verbindungen und Ordner, bis Sie den Papierkorb leeren.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Down: go to the matches. Enter: open the first match. Esc: clear the filter.</source>
        <translation>Pfeil nach unten: zu den Treffern. Eingabe: ersten Treffer öffnen. Esc: Filter leeren.</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <source>Open &amp;Settings…</source>
        <translation>&amp;Einstellungen öffnen …</translation>
    </message>
    <message>
        <source>Waiting for the system keychain. It may be showing a prompt, for example to unlock your keyring or to choose a password for a new one, perhaps behind this window. You can go on working: passwords you enter are saved once the keychain answers.</source>
        <translation>Warten auf den Schlüsselbund des Systems. Er zeigt vielleicht eine Abfrage, etwa zum Entsperren Ihres Schlüsselbunds oder zum Festlegen eines Passworts für einen neuen, womöglich hinter diesem Fenster. Sie können weiterarbeiten: eingegebene Passwörter werden gespeichert, sobald der Schlüsselbund antwortet.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>The system keychain answered; passwords are kept there.</source>
        <translation>Der Schlüsselbund des Systems hat geantwortet; Passwörter werden dort aufbewahrt.</translation>
    </message>
    <message>
        <source>Try the &amp;Keychain Again</source>
        <translation>&amp;Schlüsselbund erneut versuchen</translation>
    </message>
    <message numerus="yes">
        <source>Moved the folder “%1” and %n connection(s) in it to the Trash. Ctrl+Z undoes it; View ▸ Trash restores it later.</source>
        <translation>
            <numerusform>Den Ordner „%1“ und %n Verbindung darin in den Papierkorb verschoben. Strg+Z macht es rückgängig; Ansicht ▸ Papierkorb stellt ihn später wieder her.</numerusform>
            <numerusform>Den Ordner „%1“ und %n Verbindungen darin in den Papierkorb verschoben. Strg+Z macht es rückgängig; Ansicht ▸ Papierkorb stellt ihn später wieder her.</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved “%1” to the Trash. Ctrl+Z undoes it; View ▸ Trash restores it later.</source>
        <translation>„%1“ in den Papierkorb verschoben. Strg+Z macht es rückgängig; Ansicht ▸ Papierkorb stellt es später wieder her.</translation>
    </message>
    <message numerus="yes">
        <source>Moved %n item(s) to the Trash. Ctrl+Z undoes it; View ▸ Trash restores them later.</source>
        <translation>
            <numerusform>%n Element in den Papierkorb verschoben. Strg+Z macht es rückgängig; Ansicht ▸ Papierkorb stellt es später wieder her.</numerusform>
            <numerusform>%n Elemente in den Papierkorb verschoben. Strg+Z macht es rückgängig; Ansicht ▸ Papierkorb stellt sie später wieder her.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Restore %n item(s)</source>
        <translation>
            <numerusform>%n Element wiederherstellen</numerusform>
            <numerusform>%n Elemente wiederherstellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n item(s) from the Trash.</source>
        <translation>
            <numerusform>%n Element aus dem Papierkorb wiederhergestellt.</numerusform>
            <numerusform>%n Elemente aus dem Papierkorb wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message>
        <source>&amp;Empty Trash</source>
        <translation>Papierkorb &amp;leeren</translation>
    </message>
    <message numerus="yes">
        <source>Emptied the Trash: %n item(s) deleted for good.</source>
        <translation>
            <numerusform>Papierkorb geleert: %n Element endgültig gelöscht.</numerusform>
            <numerusform>Papierkorb geleert: %n Elemente endgültig gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <source>No connection matches “%1”.

Press Esc to clear the filter.</source>
        <translation>Keine Verbindung passt zu „%1“.

Drücken Sie Esc, um den Filter zu leeren.</translation>
    </message>
    <message>
        <source>Mo&amp;ve To…</source>
        <translation>&amp;Verschieben nach …</translation>
    </message>
    <message>
        <source>Moves the selection into another folder, without the mouse.</source>
        <translation>Verschiebt die Auswahl in einen anderen Ordner, ohne Maus.</translation>
    </message>
    <message>
        <source>S&amp;hare Folder…</source>
        <translation>Ordner &amp;teilen …</translation>
    </message>
    <message>
        <source>Shares this folder with your organisation through Team Sharing.</source>
        <translation>Teilt diesen Ordner über Team Sharing mit Ihrer Organisation.</translation>
    </message>
    <message>
        <source>My &amp;Credentials…</source>
        <translation>Meine &amp;Zugangsdaten …</translation>
    </message>
    <message>
        <source>Your own user name and password for this shared connection, kept in your keychain.</source>
        <translation>Ihr eigener Benutzername und Ihr Passwort für diese geteilte Verbindung, aufbewahrt in Ihrem Schlüsselbund.</translation>
    </message>
    <message>
        <source>You may only view this shared folder.</source>
        <translation>Sie dürfen diesen geteilten Ordner nur lesen.</translation>
    </message>
    <message>
        <source>The shared folder was not changed: %1</source>
        <translation>Der geteilte Ordner wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Your credentials are kept in your keychain.</source>
        <translation>Ihre Zugangsdaten liegen in Ihrem Schlüsselbund.</translation>
    </message>
    <message>
        <source>Your credentials were not stored: %1</source>
        <translation>Ihre Zugangsdaten wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Edit Shared Connection</source>
        <translation>Geteilte Verbindung bearbeiten</translation>
    </message>
    <message>
        <source>Share Folder</source>
        <translation>Ordner teilen</translation>
    </message>
    <message>
        <source>Share “%1” with your organisation?</source>
        <translation>„%1“ mit Ihrer Organisation teilen?</translation>
    </message>
    <message>
        <source>Its connections are uploaded end-to-end encrypted and the folder becomes a shared folder that you manage. User names, passwords, keys and certificates are not shared: each member keeps their own in their keychain. The local folder is replaced once every connection is stored.</source>
        <translation>Seine Verbindungen werden Ende-zu-Ende-verschlüsselt hochgeladen, und der Ordner wird ein geteilter Ordner, den Sie verwalten. Benutzernamen, Passwörter, Schlüssel und Zertifikate werden nicht geteilt: Jedes Mitglied bewahrt seine eigenen in seinem Schlüsselbund auf. Der lokale Ordner wird ersetzt, sobald alle Verbindungen gespeichert sind.</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Teilen</translation>
    </message>
    <message>
        <source>The folder was not shared: %1</source>
        <translation>Der Ordner wurde nicht geteilt: %1</translation>
    </message>
    <message>
        <source>The folder was not shared: your account belongs to no organisation that uses Team Sharing.</source>
        <translation>Der Ordner wurde nicht geteilt: Ihr Konto gehört zu keiner Organisation, die Team Sharing nutzt.</translation>
    </message>
    <message>
        <source>Sharing the folder…</source>
        <translation>Der Ordner wird geteilt …</translation>
    </message>
    <message numerus="yes">
        <source>Sharing the folder: %1 of %n connection(s) stored…</source>
        <translation>
            <numerusform>Der Ordner wird geteilt: %1 von %n Verbindung gespeichert …</numerusform>
            <numerusform>Der Ordner wird geteilt: %1 von %n Verbindungen gespeichert …</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder was not shared and stays here as it was: %1</source>
        <translation>Der Ordner wurde nicht geteilt und bleibt unverändert hier: %1</translation>
    </message>
    <message>
        <source>The folder is shared now. Invite its members from its context menu.</source>
        <translation>Der Ordner ist jetzt geteilt. Laden Sie seine Mitglieder über sein Kontextmenü ein.</translation>
    </message>
    <message>
        <source>in “%1”, you manage it</source>
        <translation>in „%1“, Sie dürfen verwalten</translation>
    </message>
    <message>
        <source>in “%1”, you may edit it</source>
        <translation>in „%1“, Sie dürfen bearbeiten</translation>
    </message>
    <message>
        <source>in “%1”, you may only view it</source>
        <translation>in „%1“, Sie dürfen nur lesen</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of this shared folder could not be read and are not shown.</source>
        <translation>
            <numerusform>%n Element dieses geteilten Ordners konnte nicht gelesen werden und wird nicht angezeigt.</numerusform>
            <numerusform>%n Elemente dieses geteilten Ordners konnten nicht gelesen werden und werden nicht angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete from Shared Folder</source>
        <translation>Aus geteiltem Ordner löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s) for every member of the shared folder?</source>
        <translation>
            <numerusform>%n Element für alle Mitglieder des geteilten Ordners löschen?</numerusform>
            <numerusform>%n Elemente für alle Mitglieder des geteilten Ordners löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Mem&amp;bers…</source>
        <translation>Mit&amp;glieder …</translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation>&amp;Einladen …</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf …</translation>
    </message>
    <message>
        <source>Only the folder&apos;s managers can invite.</source>
        <translation>Nur wer den Ordner verwaltet, kann einladen.</translation>
    </message>
    <message>
        <source>Only the folder&apos;s managers can read its history.</source>
        <translation>Nur wer den Ordner verwaltet, kann seinen Verlauf lesen.</translation>
    </message>
    <message>
        <source>Your unsaved changes to “%1” are kept and saved after you sign in again.</source>
        <translation>Ihre nicht gespeicherten Änderungen an „%1“ bleiben erhalten und werden nach der nächsten Anmeldung gespeichert.</translation>
    </message>
    <message>
        <source>Your unsaved changes to “%1” could not be kept: %2</source>
        <translation>Ihre nicht gespeicherten Änderungen an „%1“ konnten nicht aufbewahrt werden: %2</translation>
    </message>
    <message>
        <source>You may only view this shared folder, but you can set your own credentials.</source>
        <translation>Sie dürfen diesen geteilten Ordner nur lesen, können aber Ihre eigenen Zugangsdaten festlegen.</translation>
    </message>
    <message>
        <source>Shared Connection (View Only)</source>
        <translation>Geteilte Verbindung (nur lesen)</translation>
    </message>
    <message>
        <source>There is no keychain to keep your credentials in.</source>
        <translation>Es gibt keinen Schlüsselbund, in dem Ihre Zugangsdaten liegen könnten.</translation>
    </message>
    <message>
        <source>The shared connection is no longer there.</source>
        <translation>Die geteilte Verbindung gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>A shared item stays in its shared folder: moving it out would delete it for every member.</source>
        <translation>Ein geteiltes Element bleibt in seinem geteilten Ordner: Es herauszuverschieben, würde es für alle Mitglieder löschen.</translation>
    </message>
    <message>
        <source>Only connections can be moved into a shared folder; a local folder is shared with Share Folder.</source>
        <translation>Nur Verbindungen lassen sich in einen geteilten Ordner verschieben; einen lokalen Ordner teilen Sie mit „Ordner teilen“.</translation>
    </message>
    <message>
        <source>Only you are a member of “%1” so far; everyone you invite will see it.</source>
        <translation>Bisher sind nur Sie Mitglied von „%1“; alle, die Sie einladen, werden sie sehen.</translation>
    </message>
    <message>
        <source>Every member of “%1” will see it: %2.</source>
        <translation>Alle Mitglieder von „%1“ werden sie sehen: %2.</translation>
    </message>
    <message>
        <source>Move into Shared Folder</source>
        <translation>In geteilten Ordner verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %n connection(s) into the shared folder “%1”?</source>
        <translation>
            <numerusform>%n Verbindung in den geteilten Ordner „%1“ verschieben?</numerusform>
            <numerusform>%n Verbindungen in den geteilten Ordner „%1“ verschieben?</numerusform>
        </translation>
    </message>
    <message>
        <source>User names and passwords are not shared: they stay only on this computer, as your own credentials for the shared connection. The local connection is removed once the shared folder has stored it.</source>
        <translation>Benutzernamen und Passwörter werden nicht geteilt: Sie bleiben nur auf diesem Computer, als Ihre eigenen Zugangsdaten für die geteilte Verbindung. Die lokale Verbindung wird entfernt, sobald der geteilte Ordner sie gespeichert hat.</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Moved %n connection(s) into the shared folder.</source>
        <translation>
            <numerusform>%n Verbindung in den geteilten Ordner verschoben.</numerusform>
            <numerusform>%n Verbindungen in den geteilten Ordner verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Team Sharing is not ready: sign in first.</source>
        <translation>Team Sharing ist nicht bereit: Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>“%1” was not moved and stays here: %2</source>
        <translation>„%1“ wurde nicht verschoben und bleibt hier: %2</translation>
    </message>
    <message>
        <source>“%1” stays here: a shared connection cannot keep its client certificate or SSH private key.</source>
        <translation>„%1“ bleibt hier: Eine geteilte Verbindung kann ihr Client-Zertifikat oder ihren privaten SSH-Schlüssel nicht behalten.</translation>
    </message>
    <message>
        <source>“%1” is in the shared folder now, but your credentials could not be stored there, so it stays here too: %2</source>
        <translation>„%1“ ist jetzt im geteilten Ordner, aber Ihre Zugangsdaten konnten dafür nicht gespeichert werden, darum bleibt sie auch hier: %2</translation>
    </message>
    <message>
        <source>“%1” stays here: a shared connection cannot keep the path of its CA file.</source>
        <translation>„%1“ bleibt hier: Eine geteilte Verbindung kann den Pfad ihrer CA-Datei nicht behalten.</translation>
    </message>
    <message>
        <source>“%1” goes to the shared folder once the sharing server can be reached; until the server has stored it, it stays here too.</source>
        <translation>„%1“ kommt in den geteilten Ordner, sobald der Sharing-Server erreichbar ist; bis der Server sie gespeichert hat, bleibt sie auch hier.</translation>
    </message>
    <message>
        <source>The copy was made, but your own credentials could not be copied to it; enter them with My Credentials: %1</source>
        <translation>Die Kopie wurde angelegt, aber Ihre eigenen Zugangsdaten konnten nicht in sie übernommen werden; geben Sie sie unter „Meine Zugangsdaten“ ein: %1</translation>
    </message>
    <message>
        <source>Local connections and shared items are moved separately: drag the local ones on their own to share them.</source>
        <translation>Lokale Verbindungen und geteilte Einträge werden getrennt verschoben: Ziehen Sie die lokalen allein, um sie zu teilen.</translation>
    </message>
    <message>
        <source>Opening %1 without your stored credentials: the keychain could not read them: %2</source>
        <translation>%1 wird ohne Ihre gespeicherten Zugangsdaten geöffnet: Der Schlüsselbund konnte sie nicht lesen: %2</translation>
    </message>
    <message>
        <source>A shared folder&apos;s sub-folders come with the local folder you share; new ones cannot be added to it.</source>
        <translation>Die Unterordner eines geteilten Ordners kommen mit dem lokalen Ordner, den Sie teilen; neue können nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Import into a local folder, then move the connections into the shared folder.</source>
        <translation>Importieren Sie in einen lokalen Ordner und verschieben Sie die Verbindungen dann in den geteilten Ordner.</translation>
    </message>
    <message>
        <source>New Shared Connection</source>
        <translation>Neue geteilte Verbindung</translation>
    </message>
    <message>
        <source>“%1” was not created: %2</source>
        <translation>„%1“ wurde nicht angelegt: %2</translation>
    </message>
    <message>
        <source>Created “%1” in the shared folder.</source>
        <translation>„%1“ wurde im geteilten Ordner angelegt.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::MemberListModel</name>
    <message>
        <source>View</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Manage</source>
        <translation>Verwalten</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>Kein Mitglied</translation>
    </message>
    <message>
        <source>(address not known yet)</source>
        <translation>(Adresse noch nicht bekannt)</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
    <message>
        <source>Key changed: compare again</source>
        <translation>Schlüssel geändert: erneut vergleichen</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation>Nicht verglichen</translation>
    </message>
    <message>
        <source>This member&apos;s key is not the one seen before. Nothing is shared with them until you compare their new safety number.</source>
        <translation>Der Schlüssel dieses Mitglieds ist nicht der bisher bekannte. Bis Sie seine neue Sicherheitsnummer verglichen haben, wird nichts mit ihm geteilt.</translation>
    </message>
    <message>
        <source>You compared this member&apos;s safety number.</source>
        <translation>Sie haben die Sicherheitsnummer dieses Mitglieds verglichen.</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Sicherheitsnummer</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::MembersDialog</name>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Members of the folder</source>
        <translation>Mitglieder des Ordners</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>&amp;Rolle ändern …</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <source>&amp;Hand over Manage…</source>
        <translation>Verwalten ü&amp;bergeben …</translation>
    </message>
    <message>
        <source>&amp;Compare safety number…</source>
        <translation>Sicherheitsnummer &amp;vergleichen …</translation>
    </message>
    <message>
        <source>&amp;Leave folder…</source>
        <translation>Ordner ver&amp;lassen …</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>You signed out of Team Sharing; the members are shown again after sign-in.</source>
        <translation>Sie haben sich von Team Sharing abgemeldet; die Mitglieder werden nach der Anmeldung wieder angezeigt.</translation>
    </message>
    <message>
        <source>Members of this shared folder:</source>
        <translation>Mitglieder dieses geteilten Ordners:</translation>
    </message>
    <message>
        <source>Members of the shared folder &quot;%1&quot;:</source>
        <translation>Mitglieder des geteilten Ordners „%1“:</translation>
    </message>
    <message>
        <source>this member</source>
        <translation>dieses Mitglied</translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>Role of %1 in this folder:</source>
        <translation>Rolle in diesem Ordner für %1:</translation>
    </message>
    <message>
        <source>Changing the role of %1…</source>
        <translation>Die Rolle für %1 wird geändert …</translation>
    </message>
    <message>
        <source>%1 now has the role %2.</source>
        <translation>%1 hat jetzt die Rolle %2.</translation>
    </message>
    <message>
        <source>Remove Member</source>
        <translation>Mitglied entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from this folder?</source>
        <translation>%1 aus diesem Ordner entfernen?</translation>
    </message>
    <message>
        <source>The folder gets a new key, so %1 cannot read anything added or changed from now on. What %1 has already seen stays known to them: change any password they knew if it matters.</source>
        <translation>Der Ordner erhält einen neuen Schlüssel, daher kann %1 ab jetzt nichts mehr lesen, was hinzugefügt oder geändert wird. Was %1 bereits gesehen hat, bleibt bekannt: Ändern Sie jedes Passwort, das bekannt war, wenn es darauf ankommt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Removing %1 and giving the folder a new key…</source>
        <translation>%1 wird entfernt und der Ordner erhält einen neuen Schlüssel …</translation>
    </message>
    <message>
        <source>%1 was removed. The folder has a new key.</source>
        <translation>%1 wurde entfernt. Der Ordner hat einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>Leave Folder</source>
        <translation>Ordner verlassen</translation>
    </message>
    <message>
        <source>Leave this shared folder?</source>
        <translation>Diesen geteilten Ordner verlassen?</translation>
    </message>
    <message>
        <source>Its connections are removed from this computer. A manager can add you again.</source>
        <translation>Seine Verbindungen werden von diesem Computer entfernt. Ein Verwalter kann Sie wieder hinzufügen.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>Leaving the folder…</source>
        <translation>Der Ordner wird verlassen …</translation>
    </message>
    <message>
        <source>You left the folder.</source>
        <translation>Sie haben den Ordner verlassen.</translation>
    </message>
    <message>
        <source>Hand Over Manage</source>
        <translation>Verwalten übergeben</translation>
    </message>
    <message>
        <source>Give %1 the Manage role and step down to Edit yourself?</source>
        <translation>Die Rolle „Verwalten“ an %1 übergeben und selbst zu „Bearbeiten“ wechseln?</translation>
    </message>
    <message>
        <source>You can then no longer add or remove members or change roles, unless a manager gives you Manage again.</source>
        <translation>Sie können dann keine Mitglieder mehr hinzufügen oder entfernen und keine Rollen mehr ändern, es sei denn, ein Verwalter gibt Ihnen wieder „Verwalten“.</translation>
    </message>
    <message>
        <source>Hand Over</source>
        <translation>Übergeben</translation>
    </message>
    <message>
        <source>Handing over Manage to %1…</source>
        <translation>„Verwalten“ wird an %1 übergeben …</translation>
    </message>
    <message>
        <source>%1 manages the folder now; you can edit.</source>
        <translation>%1 verwaltet den Ordner jetzt; Sie dürfen bearbeiten.</translation>
    </message>
    <message>
        <source>Compare Safety Number</source>
        <translation>Sicherheitsnummer vergleichen</translation>
    </message>
    <message>
        <source>The key of %1 has changed. Ask them, in person or on a call, to read out the safety number next to their own address in this window, and type it here:</source>
        <translation>Der Schlüssel für %1 hat sich geändert. Bitten Sie die Person, persönlich oder am Telefon, die Sicherheitsnummer neben ihrer eigenen Adresse in diesem Fenster vorzulesen, und geben Sie sie hier ein:</translation>
    </message>
    <message>
        <source>Ask %1, in person or on a call, to read out the safety number next to their own address in this window, and type it here:</source>
        <translation>Bitten Sie %1, persönlich oder am Telefon, die Sicherheitsnummer neben der eigenen Adresse in diesem Fenster vorzulesen, und geben Sie sie hier ein:</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>The new key of %1 is confirmed. The folder gets a new key now.</source>
        <translation>Der neue Schlüssel für %1 ist bestätigt. Der Ordner erhält jetzt einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>The safety numbers match: the key of %1 is verified.</source>
        <translation>Die Sicherheitsnummern stimmen überein: Der Schlüssel für %1 ist geprüft.</translation>
    </message>
    <message>
        <source>The number you typed is not the safety number shown for %1 here. Check that you typed it as they read it out; if you did, the key the sharing server shows for them is not theirs.</source>
        <translation>Die eingegebene Nummer ist nicht die Sicherheitsnummer, die hier für %1 angezeigt wird. Prüfen Sie, ob Sie sie so eingegeben haben, wie sie vorgelesen wurde; wenn ja, gehört der Schlüssel, den der Sharing-Server für diese Person zeigt, nicht ihr.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::MoveToDialog</name>
    <message>
        <source>Move To</source>
        <translation>Verschieben nach</translation>
    </message>
    <message numerus="yes">
        <source>Moves %n item(s) to the folder you choose.</source>
        <translation>
            <numerusform>Verschiebt %n Element in den gewählten Ordner.</numerusform>
            <numerusform>Verschiebt %n Elemente in den gewählten Ordner.</numerusform>
        </translation>
    </message>
    <message>
        <source>Top level</source>
        <translation>Oberste Ebene</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::OrgAuditDialog</name>
    <message>
        <source>Organisation Audit Log</source>
        <translation>Prüfprotokoll der Organisation</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>Das Prüfprotokoll wird gelesen …</translation>
    </message>
    <message>
        <source>Entries of the organisation&apos;s audit log</source>
        <translation>Einträge im Prüfprotokoll der Organisation</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Reads the whole log and checks its hash chain and the server&apos;s signed checkpoints on this computer.</source>
        <translation>Liest das ganze Protokoll und prüft auf diesem Computer seine Hash-Kette und die signierten Prüfpunkte des Servers.</translation>
    </message>
    <message>
        <source>&amp;Newer</source>
        <translation>&amp;Neuere</translation>
    </message>
    <message>
        <source>&amp;Older</source>
        <translation>Ä&amp;ltere</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>Das Prüfprotokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The organisation&apos;s audit log has no entries yet.</source>
        <translation>Das Prüfprotokoll der Organisation hat noch keine Einträge.</translation>
    </message>
    <message>
        <source>Entries %1 to %2 of %3, newest first.</source>
        <translation>Einträge %1 bis %2 von %3, neueste zuerst.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Verified %1 of %2 entries</source>
        <translation>%1 von %2 Einträgen geprüft</translation>
    </message>
    <message>
        <source>The log could not be verified: %1</source>
        <translation>Das Protokoll konnte nicht geprüft werden: %1</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::OrgBlocksDialog</name>
    <message>
        <source>Organisation Blocks</source>
        <translation>Sperren der Organisation</translation>
    </message>
    <message>
        <source>A block turns Team Sharing off for an address or a whole domain of the organisation. Blocks never cover the organisation&apos;s owners and admins.</source>
        <translation>Eine Sperre schaltet Team Sharing für eine Adresse oder eine ganze Domain der Organisation aus. Sperren gelten nie für die Inhaber und Administratoren der Organisation.</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Team Sharing blocks of the organisation</source>
        <translation>Sperren für Team Sharing in der Organisation</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Sperren …</translation>
    </message>
    <message>
        <source>&amp;Lift…</source>
        <translation>Au&amp;fheben …</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Everyone in the organisation</source>
        <translation>Alle in der Organisation</translation>
    </message>
    <message>
        <source>Everyone @%1</source>
        <translation>Alle @%1</translation>
    </message>
    <message>
        <source>Reading the blocks…</source>
        <translation>Die Sperren werden gelesen …</translation>
    </message>
    <message>
        <source>The blocks could not be read: %1</source>
        <translation>Die Sperren konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>(keiner angegeben)</translation>
    </message>
    <message>
        <source>Team Sharing is not blocked for anyone in the organisation.</source>
        <translation>Team Sharing ist für niemanden in der Organisation gesperrt.</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s).</source>
        <translation>
            <numerusform>%n Sperre.</numerusform>
            <numerusform>%n Sperren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Block Team Sharing</source>
        <translation>Team Sharing sperren</translation>
    </message>
    <message>
        <source>One &amp;address</source>
        <translation>Eine &amp;Adresse</translation>
    </message>
    <message>
        <source>A whole &amp;domain</source>
        <translation>Eine ganze &amp;Domain</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>&amp;Blocked:</source>
        <translation>&amp;Gesperrt:</translation>
    </message>
    <message>
        <source>Shown to the blocked people</source>
        <translation>Wird den Gesperrten angezeigt</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>G&amp;rund:</translation>
    </message>
    <message>
        <source>Bl&amp;ock…</source>
        <translation>S&amp;perren …</translation>
    </message>
    <message>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <source>Enter the address to block.</source>
        <translation>Geben Sie die Adresse ein, die gesperrt werden soll.</translation>
    </message>
    <message>
        <source>Enter the domain to block.</source>
        <translation>Geben Sie die Domain ein, die gesperrt werden soll.</translation>
    </message>
    <message>
        <source>Enter a whole email address, such as name@example.com.</source>
        <translation>Geben Sie eine vollständige E-Mail-Adresse ein, etwa name@example.com.</translation>
    </message>
    <message>
        <source>Enter a domain without &quot;@&quot;, such as example.com.</source>
        <translation>Geben Sie eine Domain ohne „@“ ein, etwa example.com.</translation>
    </message>
    <message>
        <source>everyone @%1</source>
        <translation>alle @%1</translation>
    </message>
    <message>
        <source>Block Team Sharing for %1?</source>
        <translation>Team Sharing für %1 sperren?</translation>
    </message>
    <message>
        <source>The people this block covers are signed out of Team Sharing at once, and the shared folders disappear from their computers until the block is lifted. They see your reason. After the block is lifted they verify their email address again before Team Sharing works for them.</source>
        <translation>Die Personen, für die diese Sperre gilt, werden sofort von Team Sharing abgemeldet, und die geteilten Ordner verschwinden von ihren Computern, bis die Sperre aufgehoben ist. Sie sehen Ihren Grund. Nach dem Aufheben bestätigen sie ihre E-Mail-Adresse erneut, bevor Team Sharing für sie wieder funktioniert.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Setting the block…</source>
        <translation>Die Sperre wird gesetzt …</translation>
    </message>
    <message>
        <source>The block was not set: %1</source>
        <translation>Die Sperre wurde nicht gesetzt: %1</translation>
    </message>
    <message>
        <source>Team Sharing is blocked for %1 now.</source>
        <translation>Team Sharing ist jetzt für %1 gesperrt.</translation>
    </message>
    <message>
        <source>Team Sharing is blocked for everyone @%1 now.</source>
        <translation>Team Sharing ist jetzt für alle @%1 gesperrt.</translation>
    </message>
    <message>
        <source>Lift Block</source>
        <translation>Sperre aufheben</translation>
    </message>
    <message>
        <source>Lift the block for %1?</source>
        <translation>Die Sperre für %1 aufheben?</translation>
    </message>
    <message>
        <source>Team Sharing works again for the people it covers once they have verified their email address again, unless another block still covers them.</source>
        <translation>Team Sharing funktioniert für die Personen, für die die Sperre galt, wieder, sobald sie ihre E-Mail-Adresse erneut bestätigt haben, es sei denn, eine andere Sperre gilt noch für sie.</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Aufheben</translation>
    </message>
    <message>
        <source>Lifting the block…</source>
        <translation>Die Sperre wird aufgehoben …</translation>
    </message>
    <message>
        <source>The block was not lifted: %1</source>
        <translation>Die Sperre wurde nicht aufgehoben: %1</translation>
    </message>
    <message>
        <source>The block for %1 is lifted.</source>
        <translation>Die Sperre für %1 ist aufgehoben.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::PasswordPromptDialog</name>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>No keychain is in use, so Conclave keeps no password for “%1”. Enter it to connect this time; it is used once and not stored.</source>
        <translation>Es wird kein Schlüsselbund verwendet, daher bewahrt Conclave kein Passwort für „%1“ auf. Geben Sie es ein, um sich diesmal zu verbinden; es wird einmal verwendet und nicht gespeichert.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Run clients without a terminal</source>
        <translation>Clients ohne Terminal starten</translation>
    </message>
    <message>
        <source>&amp;Terminal:</source>
        <translation>&amp;Terminal:</translation>
    </message>
    <message>
        <source>%1 client:</source>
        <translation>%1-Client:</translation>
    </message>
    <message>
        <source>Commands are split like a shell does, without expansions. Passwords are handed to clients through private files or their environment, never on the command line.</source>
        <translation>Befehle werden wie von einer Shell zerlegt, ohne Ersetzungen. Passwörter erhalten Clients über private Dateien oder ihre Umgebung, nie über die Befehlszeile.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter a command.</source>
        <translation>Geben Sie einen Befehl ein.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Team Sharing</source>
        <translation>Team Sharing</translation>
    </message>
    <message>
        <source>https://sharing.example.com</source>
        <translation>https://sharing.example.com</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>Changing the server signs you out of Team Sharing.</source>
        <translation>Wenn Sie den Server ändern, werden Sie von Team Sharing abgemeldet.</translation>
    </message>
    <message>
        <source>Enter the sharing server&apos;s address, for example https://sharing.example.com.</source>
        <translation>Geben Sie die Adresse des Sharing-Servers ein, zum Beispiel https://sharing.example.com.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Sign &amp;out after no input for:</source>
        <translation>Ab&amp;melden ohne Eingabe nach:</translation>
    </message>
    <message numerus="yes">
        <source>Team Sharing signs you out after this long without keyboard or mouse input; %n minute(s) at most. Local connections stay open.</source>
        <translation>
            <numerusform>Team Sharing meldet Sie nach dieser Zeit ohne Eingabe über Tastatur oder Maus ab; höchstens %n Minute. Lokale Verbindungen bleiben offen.</numerusform>
            <numerusform>Team Sharing meldet Sie nach dieser Zeit ohne Eingabe über Tastatur oder Maus ab; höchstens %n Minuten. Lokale Verbindungen bleiben offen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ShareFolderDialog</name>
    <message>
        <source>Share “%1”</source>
        <translation>„%1“ teilen</translation>
    </message>
    <message>
        <source>Invite people to “%1”</source>
        <translation>Personen zu „%1“ einladen</translation>
    </message>
    <message>
        <source>name@example.com, one or more, separated by commas</source>
        <translation>name@example.com, eine oder mehrere, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;Email addresses:</source>
        <translation>&amp;E-Mail-Adressen:</translation>
    </message>
    <message>
        <source>View – use the connections</source>
        <translation>Lesen – die Verbindungen nutzen</translation>
    </message>
    <message>
        <source>Edit – also change them</source>
        <translation>Bearbeiten – sie auch ändern</translation>
    </message>
    <message>
        <source>Manage – also invite and remove people</source>
        <translation>Verwalten – auch Personen einladen und entfernen</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>An invitation &amp;code that I pass on myself (chat, phone, in person)</source>
        <translation>Einen Einladungs&amp;code, den ich selbst weitergebe (Chat, Telefon, persönlich)</translation>
    </message>
    <message>
        <source>&amp;Safety numbers that we compare on a call or in person</source>
        <translation>&amp;Sicherheitsnummern, die wir am Telefon oder persönlich vergleichen</translation>
    </message>
    <message>
        <source>Check their key with:</source>
        <translation>Schlüssel prüfen mit:</translation>
    </message>
    <message>
        <source>Conclave adds them only after this check, so the sharing server cannot slip in a key of its own.</source>
        <translation>Conclave fügt sie erst nach dieser Prüfung hinzu, damit der Sharing-Server keinen eigenen Schlüssel unterschieben kann.</translation>
    </message>
    <message>
        <source>Invite &amp;More People</source>
        <translation>&amp;Weitere Personen einladen</translation>
    </message>
    <message>
        <source>Open invitations</source>
        <translation>Offene Einladungen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>C&amp;ancel Invitation</source>
        <translation>Einladung &amp;zurückziehen</translation>
    </message>
    <message>
        <source>The number they read out</source>
        <translation>Die vorgelesene Nummer</translation>
    </message>
    <message>
        <source>Numbers Ma&amp;tch</source>
        <translation>Nummern s&amp;timmen</translation>
    </message>
    <message>
        <source>Send &amp;Invitations</source>
        <translation>E&amp;inladungen senden</translation>
    </message>
    <message>
        <source>Ask %1 to read out their safety number. It must be: %2</source>
        <translation>Bitten Sie %1, die eigene Sicherheitsnummer vorzulesen. Sie muss lauten: %2</translation>
    </message>
    <message>
        <source>The numbers match. Conclave adds them as soon as they accept.</source>
        <translation>Die Nummern stimmen überein. Conclave fügt die Person hinzu, sobald sie annimmt.</translation>
    </message>
    <message>
        <source>Enter at least one email address.</source>
        <translation>Geben Sie mindestens eine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Not an email address: %1</source>
        <translation>Keine E-Mail-Adresse: %1</translation>
    </message>
    <message>
        <source>Invite at most %1 addresses at a time.</source>
        <translation>Laden Sie höchstens %1 Adressen auf einmal ein.</translation>
    </message>
    <message>
        <source>Not invited: %1</source>
        <translation>Nicht eingeladen: %1</translation>
    </message>
    <message>
        <source>Invitation code:</source>
        <translation>Einladungscode:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Call %1 or meet in person. Ask them to read out the safety number Conclave shows them under Team Sharing &gt; Invitations. It must be:</source>
        <translation>Rufen Sie %1 an oder treffen Sie sich persönlich. Bitten Sie die Person, die Sicherheitsnummer vorzulesen, die Conclave ihr unter Team Sharing &gt; Einladungen zeigt. Sie muss lauten:</translation>
    </message>
    <message>
        <source>Then read out yours: %1</source>
        <translation>Lesen Sie dann Ihre vor: %1</translation>
    </message>
    <message>
        <source>&amp;Numbers Match</source>
        <translation>&amp;Nummern stimmen</translation>
    </message>
    <message>
        <source>Reading the open invitations…</source>
        <translation>Die offenen Einladungen werden gelesen …</translation>
    </message>
    <message>
        <source>Waiting for an answer</source>
        <translation>Wartet auf Antwort</translation>
    </message>
    <message>
        <source>Accepted; compare safety numbers</source>
        <translation>Angenommen; Sicherheitsnummern vergleichen</translation>
    </message>
    <message>
        <source>Accepted; adding…</source>
        <translation>Angenommen; wird hinzugefügt …</translation>
    </message>
    <message>
        <source>No open invitations.</source>
        <translation>Keine offenen Einladungen.</translation>
    </message>
    <message>
        <source>The invitation was cancelled.</source>
        <translation>Die Einladung wurde zurückgezogen.</translation>
    </message>
    <message>
        <source>%1 accepted and waits for the inviter&apos;s Conclave to add them. To add them now, call them or meet in person and ask them to read out their safety number. It must be: %2</source>
        <translation>%1 hat angenommen und wartet darauf, dass das Conclave der einladenden Person sie hinzufügt. Um sie jetzt hinzuzufügen, rufen Sie sie an oder treffen Sie sie persönlich und bitten Sie sie, ihre Sicherheitsnummer vorzulesen. Sie muss lauten: %2</translation>
    </message>
    <message>
        <source>Accepted, waiting for %1 — or compare safety numbers to add now</source>
        <translation>Angenommen, wartet auf %1 – oder Sicherheitsnummern vergleichen, um jetzt hinzuzufügen</translation>
    </message>
    <message>
        <source>the inviter</source>
        <translation>die einladende Person</translation>
    </message>
    <message>
        <source>Accepted, waiting for %1</source>
        <translation>Angenommen, wartet auf %1</translation>
    </message>
    <message>
        <source>—</source>
        <comment>role of an invitation whose signed terms do not hold</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>Send this code to %1 by another channel than email: a chat message, a phone call or in person. They type it when they accept. Only this computer can check the code (it keeps it, encrypted, until then): they join the next time Conclave runs here, signed in, after they accepted.</source>
        <translation>Senden Sie diesen Code an %1 auf einem anderen Weg als per E-Mail: per Chat, Telefon oder persönlich. Die Person gibt ihn beim Annehmen ein. Nur dieser Computer kann den Code prüfen (er bewahrt ihn bis dahin verschlüsselt auf): Die Person tritt bei, sobald Conclave hier nach ihrer Annahme angemeldet läuft.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::SharedCredentialsDialog</name>
    <message>
        <source>Your Credentials for %1</source>
        <translation>Ihre Zugangsdaten für %1</translation>
    </message>
    <message>
        <source>Your own, kept in your keychain: they are not shared with the other members of the folder and never leave this computer.</source>
        <translation>Ihre eigenen, aufbewahrt in Ihrem Schlüsselbund: Sie werden nicht mit den anderen Mitgliedern des Ordners geteilt und verlassen diesen Computer nie.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>SSH &amp;user:</source>
        <translation>SSH-&amp;Benutzer:</translation>
    </message>
    <message>
        <source>SSH key pass&amp;phrase:</source>
        <translation>SSH-Schlüssel-Pass&amp;phrase:</translation>
    </message>
    <message>
        <source>SSH pass&amp;word:</source>
        <translation>SSH-Pass&amp;wort:</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::SharedTreeSync</name>
    <message>
        <source>Team Sharing is not ready: sign in first.</source>
        <translation>Team Sharing ist nicht bereit: Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>You may only view this shared folder.</source>
        <translation>Sie dürfen diesen geteilten Ordner nur lesen.</translation>
    </message>
    <message>
        <source>someone unknown</source>
        <translation>eine unbekannte Person</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Geteilter Ordner</translation>
    </message>
    <message>
        <source>The shared connection is no longer there.</source>
        <translation>Die geteilte Verbindung gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>There is no keychain to keep your credentials in.</source>
        <translation>Es gibt keinen Schlüsselbund, in dem Ihre Zugangsdaten liegen könnten.</translation>
    </message>
    <message>
        <source>Delete the items of one shared folder at a time.</source>
        <translation>Löschen Sie jeweils nur Elemente eines einzigen geteilten Ordners.</translation>
    </message>
    <message>
        <source>The folder is no longer there.</source>
        <translation>Den Ordner gibt es nicht mehr.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::SignInDialog</name>
    <message>
        <source>Sign In to Team Sharing</source>
        <translation>Bei Team Sharing anmelden</translation>
    </message>
    <message>
        <source>https://sharing.example.com</source>
        <translation>https://sharing.example.com</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>The sharing server your team runs. Ask your administrator for its address.</source>
        <translation>Der Sharing-Server, den Ihr Team betreibt. Fragen Sie Ihren Administrator nach seiner Adresse.</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Create an Account…</source>
        <translation>&amp;Konto erstellen …</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Your password unlocks your keys and never leaves this computer. Nobody, not even the server&apos;s administrator, can reset it: if you forget it, what was shared with you must be shared again.</source>
        <translation>Ihr Passwort entsperrt Ihre Schlüssel und verlässt diesen Computer nie. Niemand, auch nicht der Administrator des Servers, kann es zurücksetzen: Wenn Sie es vergessen, muss alles, was mit Ihnen geteilt wurde, erneut geteilt werden.</translation>
    </message>
    <message>
        <source>&amp;Back to Sign In</source>
        <translation>&amp;Zurück zur Anmeldung</translation>
    </message>
    <message>
        <source>Create &amp;Account</source>
        <translation>&amp;Konto erstellen</translation>
    </message>
    <message>
        <source>8 digits</source>
        <translation>8 Ziffern</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Send a &amp;New Code</source>
        <translation>&amp;Neuen Code senden</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Create a Team Sharing Account</source>
        <translation>Ein Team-Sharing-Konto erstellen</translation>
    </message>
    <message>
        <source>Verify Your Email Address</source>
        <translation>E-Mail-Adresse bestätigen</translation>
    </message>
    <message>
        <source>The sharing server sent a code to %1. Enter it to finish setting up your account. The code is valid for an hour.</source>
        <translation>Der Sharing-Server hat einen Code an %1 geschickt. Geben Sie ihn ein, um Ihr Konto fertig einzurichten. Der Code gilt eine Stunde lang.</translation>
    </message>
    <message>
        <source>Enter the address of your team&apos;s sharing server.</source>
        <translation>Geben Sie die Adresse des Sharing-Servers Ihres Teams ein.</translation>
    </message>
    <message>
        <source>This server cannot be used.</source>
        <translation>Dieser Server kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Enter your email address and your password.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in… Unlocking your keys takes a moment.</source>
        <translation>Anmeldung … Ihre Schlüssel zu entsperren dauert einen Moment.</translation>
    </message>
    <message>
        <source>Enter your name as your colleagues should see it.</source>
        <translation>Geben Sie Ihren Namen so ein, wie Ihre Kollegen ihn sehen sollen.</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>Wählen Sie ein Passwort mit mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
    <message>
        <source>Creating your account… Making your keys takes a moment.</source>
        <translation>Ihr Konto wird erstellt … Ihre Schlüssel zu erzeugen dauert einen Moment.</translation>
    </message>
    <message>
        <source>Enter the code from the email.</source>
        <translation>Geben Sie den Code aus der E-Mail ein.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Der Code wird geprüft …</translation>
    </message>
    <message>
        <source>Your email address is verified. Sign in with your password.</source>
        <translation>Ihre E-Mail-Adresse ist bestätigt. Melden Sie sich mit Ihrem Passwort an.</translation>
    </message>
    <message>
        <source>Your email address is verified. Signing in…</source>
        <translation>Ihre E-Mail-Adresse ist bestätigt. Anmeldung …</translation>
    </message>
    <message>
        <source>A new code is on its way to %1.</source>
        <translation>Ein neuer Code ist an %1 unterwegs.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::SyncProblemsDialog</name>
    <message>
        <source>Sync Problems</source>
        <translation>Synchronisationsprobleme</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Geteilter Ordner</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Why it was not saved</source>
        <translation>Warum sie nicht gespeichert wurde</translation>
    </message>
    <message>
        <source>Changes the sharing server refused</source>
        <translation>Vom Sharing-Server abgelehnte Änderungen</translation>
    </message>
    <message>
        <source>&amp;Copy to My Connections</source>
        <translation>In &amp;meine Verbindungen kopieren</translation>
    </message>
    <message>
        <source>Makes a connection of your own, on this computer only, from the selected edits, so that what you typed is kept.</source>
        <translation>Macht aus den ausgewählten Bearbeitungen eine eigene Verbindung, nur auf diesem Computer, damit erhalten bleibt, was Sie eingegeben haben.</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Throws the selected changes away for good.</source>
        <translation>Verwirft die ausgewählten Änderungen endgültig.</translation>
    </message>
    <message>
        <source>Discard &amp;All</source>
        <translation>&amp;Alle verwerfen</translation>
    </message>
    <message>
        <source>Team Sharing is not signed in.</source>
        <translation>Team Sharing ist nicht angemeldet.</translation>
    </message>
    <message>
        <source>a connection no longer held</source>
        <translation>eine Verbindung, die nicht mehr vorhanden ist</translation>
    </message>
    <message>
        <source>content that cannot be read</source>
        <translation>Inhalt, der nicht gelesen werden kann</translation>
    </message>
    <message>
        <source>a folder no longer held</source>
        <translation>ein Ordner, der nicht mehr vorhanden ist</translation>
    </message>
    <message>
        <source>You may only view this folder now.</source>
        <translation>Sie dürfen diesen Ordner jetzt nur noch ansehen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Every change was saved. Nothing is waiting for a decision.</source>
        <translation>Jede Änderung wurde gespeichert. Nichts wartet auf eine Entscheidung.</translation>
    </message>
    <message>
        <source>No change was refused by the sharing server.</source>
        <translation>Der Sharing-Server hat keine Änderung abgelehnt.</translation>
    </message>
    <message numerus="yes">
        <source>The sharing server refused %n change(s). They are kept on this computer, encrypted, until you decide: copy an edit to your own connections to keep what you typed, or discard it.</source>
        <translation>
            <numerusform>Der Sharing-Server hat %n Änderung abgelehnt. Sie bleibt verschlüsselt auf diesem Computer, bis Sie entscheiden: Kopieren Sie eine Bearbeitung in Ihre eigenen Verbindungen, um zu behalten, was Sie eingegeben haben, oder verwerfen Sie sie.</numerusform>
            <numerusform>Der Sharing-Server hat %n Änderungen abgelehnt. Sie bleiben verschlüsselt auf diesem Computer, bis Sie entscheiden: Kopieren Sie eine Bearbeitung in Ihre eigenen Verbindungen, um zu behalten, was Sie eingegeben haben, oder verwerfen Sie sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored change(s) cannot be opened and can never be sent; nobody can read them. %1</source>
        <translation>
            <numerusform>%n gespeicherte Änderung kann nicht geöffnet und nie gesendet werden; niemand kann sie lesen. %1</numerusform>
            <numerusform>%n gespeicherte Änderungen können nicht geöffnet und nie gesendet werden; niemand kann sie lesen. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Your own connections cannot be changed here.</source>
        <translation>Ihre eigenen Verbindungen können hier nicht geändert werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) discarded.</source>
        <translation>
            <numerusform>%n Änderung verworfen.</numerusform>
            <numerusform>%n Änderungen verworfen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not every change could be discarded: %1</source>
        <translation>Nicht jede Änderung konnte verworfen werden: %1</translation>
    </message>
    <message>
        <source>The copy could not be made: %1</source>
        <translation>Die Kopie konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Copied to your own connections: %1. Discard the refused change once you no longer need it.</source>
        <translation>In Ihre eigenen Verbindungen kopiert: %1. Verwerfen Sie die abgelehnte Änderung, sobald Sie sie nicht mehr brauchen.</translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable change(s) deleted.</source>
        <translation>
            <numerusform>%n unlesbare Änderung gelöscht.</numerusform>
            <numerusform>%n unlesbare Änderungen gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>The unreadable changes could not be deleted: %1</source>
        <translation>Die unlesbaren Änderungen konnten nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message numerus="yes">
        <source>Discard %n change(s)?</source>
        <translation>
            <numerusform>%n Änderung verwerfen?</numerusform>
            <numerusform>%n Änderungen verwerfen?</numerusform>
        </translation>
    </message>
    <message>
        <source>What they changed is lost for good. Copy an edit to your own connections first to keep it.</source>
        <translation>Was sie geändert haben, geht endgültig verloren. Kopieren Sie eine Bearbeitung zuerst in Ihre eigenen Verbindungen, um sie zu behalten.</translation>
    </message>
    <message numerus="yes">
        <source>Discard %n unreadable change(s)?</source>
        <translation>
            <numerusform>%n unlesbare Änderung verwerfen?</numerusform>
            <numerusform>%n unlesbare Änderungen verwerfen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody can read them, so what they changed is lost for good.</source>
        <translation>Niemand kann sie lesen, daher geht endgültig verloren, was sie geändert haben.</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::TeamSharingController</name>
    <message>
        <source>Team &amp;Sharing</source>
        <translation>Team &amp;Sharing</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>&amp;Account…</source>
        <translation>&amp;Konto …</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>A&amp;bmelden</translation>
    </message>
    <message>
        <source>Team Sharing</source>
        <translation>Team Sharing</translation>
    </message>
    <message>
        <source>Sign in to Team Sharing or manage your account</source>
        <translation>Bei Team Sharing anmelden oder Ihr Konto verwalten</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>You were signed out of Team Sharing after %1 minutes without input. Your local connections are still here.</source>
        <translation>Sie wurden nach %1 Minuten ohne Eingabe von Team Sharing abgemeldet. Ihre lokalen Verbindungen sind weiterhin da.</translation>
    </message>
    <message>
        <source>The sharing server ended your session. Sign in again.</source>
        <translation>Der Sharing-Server hat Ihre Sitzung beendet. Melden Sie sich wieder an.</translation>
    </message>
    <message>
        <source>&amp;Members…</source>
        <translation>&amp;Mitglieder …</translation>
    </message>
    <message>
        <source>&amp;Invitations…</source>
        <translation>&amp;Einladungen …</translation>
    </message>
    <message>
        <source>Organisation Audit &amp;Log…</source>
        <translation>&amp;Prüfprotokoll der Organisation …</translation>
    </message>
    <message>
        <source>Folder &amp;History</source>
        <translation>Ordner&amp;verlauf</translation>
    </message>
    <message>
        <source>No folder you manage</source>
        <translation>Kein von Ihnen verwalteter Ordner</translation>
    </message>
    <message>
        <source>Organisation %1…</source>
        <translation>Organisation %1 …</translation>
    </message>
    <message>
        <source>&amp;Invitations (%1)…</source>
        <translation>&amp;Einladungen (%1) …</translation>
    </message>
    <message numerus="yes">
        <source>Team Sharing is offline (%1); trying again in %n s.</source>
        <translation>
            <numerusform>Team Sharing ist offline (%1); neuer Versuch in %n s.</numerusform>
            <numerusform>Team Sharing ist offline (%1); neuer Versuch in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Team Sharing is online again.</source>
        <translation>Team Sharing ist wieder online.</translation>
    </message>
    <message>
        <source>Team Sharing: %1</source>
        <translation>Team Sharing: %1</translation>
    </message>
    <message>
        <source>A shared folder was removed from this computer: %1</source>
        <translation>Ein geteilter Ordner wurde von diesem Computer entfernt: %1</translation>
    </message>
    <message>
        <source>Organisation &amp;Blocks…</source>
        <translation>&amp;Sperren der Organisation …</translation>
    </message>
    <message>
        <source>Sync &amp;Problems…</source>
        <translation>Sy&amp;nchronisationsprobleme …</translation>
    </message>
    <message>
        <source>Show what could not be saved and decide about it</source>
        <translation>Zeigen, was nicht gespeichert werden konnte, und darüber entscheiden</translation>
    </message>
    <message numerus="yes">
        <source>Team Sharing: %n change(s) could not be saved</source>
        <translation>
            <numerusform>Team Sharing: %n Änderung konnte nicht gespeichert werden</numerusform>
            <numerusform>Team Sharing: %n Änderungen konnten nicht gespeichert werden</numerusform>
        </translation>
    </message>
    <message>
        <source>Team Sharing could not update a shared folder&apos;s members: %1</source>
        <translation>Team Sharing konnte die Mitglieder eines geteilten Ordners nicht aktualisieren: %1</translation>
    </message>
    <message>
        <source>Team Sharing could not update the members of “%1”: %2</source>
        <translation>Team Sharing konnte die Mitglieder von „%1“ nicht aktualisieren: %2</translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Was in</source>
        <translation>War in</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Deleted items</source>
        <translation>Gelöschte Elemente</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Puts the selected items back where they were.</source>
        <translation>Legt die ausgewählten Elemente dorthin zurück, wo sie waren.</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>Papierkorb &amp;leeren …</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n Verbindung</numerusform>
            <numerusform>%n Verbindungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n Ordner</numerusform>
            <numerusform>%n Ordner</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Delete the %1 in the Trash for good, with their passwords and keys? This cannot be undone.</source>
        <translation>%1 im Papierkorb mit ihren Passwörtern und Schlüsseln endgültig löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (folder, %n connection(s))</source>
        <translation>
            <numerusform>%1 (Ordner, %n Verbindung)</numerusform>
            <numerusform>%1 (Ordner, %n Verbindungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Top level</source>
        <translation>Oberste Ebene</translation>
    </message>
    <message>
        <source>%1 (in the Trash)</source>
        <translation>%1 (im Papierkorb)</translation>
    </message>
    <message>
        <source>A folder that no longer exists (restored to the top level)</source>
        <translation>Ein Ordner, den es nicht mehr gibt (Wiederherstellung auf oberster Ebene)</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>Der Papierkorb ist leer.</translation>
    </message>
    <message>
        <source>Deleted connections and folders stay here, with their passwords and keys in your keychain, until you empty the Trash. Restore puts them back where they were.</source>
        <translation>Gelöschte Verbindungen und Ordner bleiben hier, ihre Passwörter und Schlüssel in Ihrem Schlüsselbund, bis Sie den Papierkorb leeren. Wiederherstellen legt sie dorthin zurück, wo sie waren.</translation>
    </message>
    <message>
        <source>Deleted connections and folders stay here until you empty the Trash. Restore puts them back where they were. No keychain is in use, so their passwords and keys are kept only until Conclave quits.</source>
        <translation>Gelöschte Verbindungen und Ordner bleiben hier, bis Sie den Papierkorb leeren. Wiederherstellen legt sie dorthin zurück, wo sie waren. Es wird kein Schlüsselbund verwendet, daher bleiben ihre Passwörter und Schlüssel nur bis zum Beenden von Conclave erhalten.</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message>
        <source>&amp;Empty Trash</source>
        <translation>Papierkorb &amp;leeren</translation>
    </message>
</context>
<context>
    <name>DeferredSecretStore</name>
    <message>
        <source>waiting for the system keychain</source>
        <translation>Warten auf den Schlüsselbund des Systems</translation>
    </message>
</context>
<context>
    <name>LauncherSettings</name>
    <message>
        <source>The command %1 has an unmatched quote.</source>
        <translation>Im Befehl %1 ist ein Anführungszeichen nicht geschlossen.</translation>
    </message>
</context>
<context>
    <name>MongoProbe</name>
    <message>
        <source>Sending hello to the server.</source>
        <translation>hello wird an den Server gesendet.</translation>
    </message>
    <message>
        <source>The server did not answer like MongoDB.</source>
        <translation>Der Server hat nicht wie MongoDB geantwortet.</translation>
    </message>
    <message>
        <source>The server did not answer like MongoDB 3.6 or later.</source>
        <translation>Der Server hat nicht wie MongoDB 3.6 oder neuer geantwortet.</translation>
    </message>
    <message>
        <source>The server refused hello.</source>
        <translation>Der Server hat hello abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused hello: %1</source>
        <translation>Der Server hat hello abgelehnt: %1</translation>
    </message>
    <message>
        <source>Member of replica set %1 (%2).</source>
        <translation>Mitglied des Replica-Sets %1 (%2).</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>primär</translation>
    </message>
    <message>
        <source>not primary</source>
        <translation>nicht primär</translation>
    </message>
    <message>
        <source>The server is a mongos router of a sharded cluster.</source>
        <translation>Der Server ist ein mongos-Router eines Sharded Clusters.</translation>
    </message>
    <message>
        <source>wire version %1</source>
        <translation>Wire-Version %1</translation>
    </message>
    <message>
        <source>%1 (wire version %2)</source>
        <translation>%1 (Wire-Version %2)</translation>
    </message>
    <message>
        <source>MongoDB (wire version %1)</source>
        <translation>MongoDB (Wire-Version %1)</translation>
    </message>
    <message>
        <source>MongoDB %1</source>
        <translation>MongoDB %1</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Mit %1 verbunden.</translation>
    </message>
    <message>
        <source>Connected to %1; sign-in is not tested for MongoDB yet.</source>
        <translation>Mit %1 verbunden; die Anmeldung wird für MongoDB noch nicht getestet.</translation>
    </message>
</context>
<context>
    <name>MySqlProbe</name>
    <message>
        <source>Waiting for the server&apos;s greeting.</source>
        <translation>Warten auf die Begrüßung des Servers.</translation>
    </message>
    <message>
        <source>The server did not answer like MySQL.</source>
        <translation>Der Server hat nicht wie MySQL geantwortet.</translation>
    </message>
    <message>
        <source>The server speaks a MySQL protocol version that is not supported.</source>
        <translation>Der Server spricht eine nicht unterstützte Version des MySQL-Protokolls.</translation>
    </message>
    <message>
        <source>The server greeted as %1 %2.</source>
        <translation>Der Server meldet sich als %1 %2.</translation>
    </message>
    <message>
        <source>TLS handshake failed: the server does not accept TLS connections.</source>
        <translation>TLS-Handshake fehlgeschlagen: Der Server nimmt keine TLS-Verbindungen an.</translation>
    </message>
    <message>
        <source>Asking the server to switch to TLS.</source>
        <translation>Der Server wird gebeten, auf TLS umzuschalten.</translation>
    </message>
    <message>
        <source>enter a user name to test signing in</source>
        <translation>geben Sie einen Benutzernamen ein, um die Anmeldung zu testen</translation>
    </message>
    <message>
        <source>the server is too old for the sign-in test</source>
        <translation>der Server ist für den Anmeldetest zu alt</translation>
    </message>
    <message>
        <source>Signing in as %1 with mysql_native_password.</source>
        <translation>Anmeldung als %1 mit mysql_native_password.</translation>
    </message>
    <message>
        <source>Connected to %1 %2; signed in as %3.</source>
        <translation>Mit %1 %2 verbunden; angemeldet als %3.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>The server answered: %1.</source>
        <translation>Der Server antwortete: %1.</translation>
    </message>
    <message>
        <source>The server refused the connection: %1.</source>
        <translation>Der Server hat die Verbindung abgelehnt: %1.</translation>
    </message>
    <message>
        <source>the server wants the %1 sign-in method, which the test does not support yet</source>
        <translation>der Server verlangt die Anmeldemethode %1, die der Test noch nicht unterstützt</translation>
    </message>
    <message>
        <source>the server asked for a sign-in step the test does not support yet</source>
        <translation>der Server verlangt einen Anmeldeschritt, den der Test noch nicht unterstützt</translation>
    </message>
    <message>
        <source>Connected to %1 %2; sign-in not tested: %3.</source>
        <translation>Mit %1 %2 verbunden; Anmeldung nicht getestet: %3.</translation>
    </message>
</context>
<context>
    <name>PostgresProbe</name>
    <message>
        <source>PostgreSQL needs a user name to answer; enter one to test the connection.</source>
        <translation>PostgreSQL antwortet nur mit Benutzernamen; geben Sie einen ein, um die Verbindung zu testen.</translation>
    </message>
    <message>
        <source>Asking the server to switch to TLS.</source>
        <translation>Der Server wird gebeten, auf TLS umzuschalten.</translation>
    </message>
    <message>
        <source>Sending the startup message for user %1.</source>
        <translation>Startnachricht für Benutzer %1 wird gesendet.</translation>
    </message>
    <message>
        <source>The server sent unexpected data before the TLS handshake.</source>
        <translation>Der Server hat vor dem TLS-Handshake unerwartete Daten gesendet.</translation>
    </message>
    <message>
        <source>TLS handshake failed: the server does not accept TLS connections.</source>
        <translation>TLS-Handshake fehlgeschlagen: Der Server nimmt keine TLS-Verbindungen an.</translation>
    </message>
    <message>
        <source>The server did not answer like PostgreSQL to the TLS request.</source>
        <translation>Der Server hat auf die TLS-Anfrage nicht wie PostgreSQL geantwortet.</translation>
    </message>
    <message>
        <source>The server did not answer like PostgreSQL.</source>
        <translation>Der Server hat nicht wie PostgreSQL geantwortet.</translation>
    </message>
    <message>
        <source>The server reported ready before signing in.</source>
        <translation>Der Server meldete sich vor der Anmeldung bereit.</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL; signed in as %1.</source>
        <translation>Mit PostgreSQL verbunden; angemeldet als %1.</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1; signed in as %2.</source>
        <translation>Mit PostgreSQL %1 verbunden; angemeldet als %2.</translation>
    </message>
    <message>
        <source>The server asks for a password, and none was given.</source>
        <translation>Der Server verlangt ein Passwort, aber keines wurde angegeben.</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>The server asks for the password in clear text over an unencrypted connection; it was not sent. Turn on TLS.</source>
        <translation>Der Server verlangt das Passwort im Klartext über eine unverschlüsselte Verbindung; es wurde nicht gesendet. Schalten Sie TLS ein.</translation>
    </message>
    <message>
        <source>Signing in with a password (protected by TLS).</source>
        <translation>Anmeldung mit Passwort (durch TLS geschützt).</translation>
    </message>
    <message>
        <source>Signing in with md5 password authentication.</source>
        <translation>Anmeldung mit md5-Passwortauthentifizierung.</translation>
    </message>
    <message>
        <source>The server offers no sign-in method that Conclave supports.</source>
        <translation>Der Server bietet keine Anmeldemethode an, die Conclave unterstützt.</translation>
    </message>
    <message>
        <source>Signing in with SCRAM-SHA-256.</source>
        <translation>Anmeldung mit SCRAM-SHA-256.</translation>
    </message>
    <message>
        <source>The server proved that it knows the password.</source>
        <translation>Der Server hat bewiesen, dass er das Passwort kennt.</translation>
    </message>
    <message>
        <source>The server asks for a sign-in method that Conclave does not support (code %1).</source>
        <translation>Der Server verlangt eine Anmeldemethode, die Conclave nicht unterstützt (Code %1).</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>The server does not let this user sign in from here: %1.</source>
        <translation>Der Server lässt diesen Benutzer von hier aus nicht zu: %1.</translation>
    </message>
    <message>
        <source>The server answered: %1.</source>
        <translation>Der Server antwortete: %1.</translation>
    </message>
    <message>
        <source>The server refused the connection: %1.</source>
        <translation>Der Server hat die Verbindung abgelehnt: %1.</translation>
    </message>
</context>
<context>
    <name>RedisProbe</name>
    <message>
        <source>Signing in with the password.</source>
        <translation>Anmeldung mit dem Passwort.</translation>
    </message>
    <message>
        <source>Signing in as %1.</source>
        <translation>Anmeldung als %1.</translation>
    </message>
    <message>
        <source>The server did not answer like Redis.</source>
        <translation>Der Server hat nicht wie Redis geantwortet.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>The server has no password set; none was needed.</source>
        <translation>Auf dem Server ist kein Passwort gesetzt; es war keines nötig.</translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1</source>
        <translation>Der Server hat die Anmeldung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server asks for a password, and none was given.</source>
        <translation>Der Server verlangt ein Passwort, aber keines wurde angegeben.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Der Server hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server runs in %1 mode.</source>
        <translation>Der Server läuft im Modus %1.</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Redis %1</source>
        <translation>Redis %1</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Mit %1 verbunden.</translation>
    </message>
    <message>
        <source>Connected to %1; signed in.</source>
        <translation>Mit %1 verbunden; angemeldet.</translation>
    </message>
    <message>
        <source>Connected to %1; signed in as %2.</source>
        <translation>Mit %1 verbunden; angemeldet als %2.</translation>
    </message>
</context>
<context>
    <name>ScramSha256</name>
    <message>
        <source>The sign-in exchange started out of order.</source>
        <translation>Der Anmeldeablauf begann in falscher Reihenfolge.</translation>
    </message>
    <message>
        <source>The server asked for a SCRAM extension that is not supported.</source>
        <translation>Der Server verlangt eine nicht unterstützte SCRAM-Erweiterung.</translation>
    </message>
    <message>
        <source>The server&apos;s SCRAM challenge is incomplete.</source>
        <translation>Die SCRAM-Aufforderung des Servers ist unvollständig.</translation>
    </message>
    <message>
        <source>The server&apos;s SCRAM challenge does not continue this sign-in.</source>
        <translation>Die SCRAM-Aufforderung des Servers setzt diese Anmeldung nicht fort.</translation>
    </message>
    <message>
        <source>The server asked for %1 password hashing rounds; at most %2 are accepted.</source>
        <translation>Der Server verlangt %1 Hash-Runden für das Passwort; höchstens %2 werden akzeptiert.</translation>
    </message>
    <message>
        <source>The server rejected the sign-in (%1).</source>
        <translation>Der Server hat die Anmeldung abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The server&apos;s final SCRAM message is malformed.</source>
        <translation>Die letzte SCRAM-Nachricht des Servers ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The server could not prove that it knows the password; it may not be the server you meant to reach.</source>
        <translation>Der Server konnte nicht beweisen, dass er das Passwort kennt; vielleicht ist es nicht der Server, den Sie erreichen wollten.</translation>
    </message>
</context>
<context>
    <name>SecretKind</name>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>SSH password</source>
        <translation>SSH-Passwort</translation>
    </message>
    <message>
        <source>SSH key passphrase</source>
        <translation>Passphrase des SSH-Schlüssels</translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation>privater SSH-Schlüssel</translation>
    </message>
    <message>
        <source>TLS client certificate</source>
        <translation>TLS-Client-Zertifikat</translation>
    </message>
    <message>
        <source>TLS client key</source>
        <translation>TLS-Client-Schlüssel</translation>
    </message>
    <message>
        <source>unknown secret</source>
        <translation>unbekanntes Geheimnis</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>A secret can only be stored for a saved connection.</source>
        <translation>Ein Geheimnis kann nur für eine gespeicherte Verbindung abgelegt werden.</translation>
    </message>
    <message>
        <source>This kind of secret is not known.</source>
        <translation>Diese Art von Geheimnis ist unbekannt.</translation>
    </message>
    <message>
        <source>The secret is too large to store; the limit is %1 KiB.</source>
        <translation>Das Geheimnis ist zu groß zum Speichern; die Grenze liegt bei %1 KiB.</translation>
    </message>
</context>
<context>
    <name>SecretStoreFactory</name>
    <message>
        <source>Passwords and keys are kept in memory until Conclave quits and will be asked for again next time.</source>
        <translation>Passwörter und Schlüssel bleiben nur im Arbeitsspeicher, bis Conclave beendet wird, und werden beim nächsten Mal erneut abgefragt.</translation>
    </message>
    <message>
        <source>The system keychain is not used because %1 is set to “memory”.</source>
        <translation>Der Schlüsselbund des Systems wird nicht verwendet, weil %1 auf „memory“ gesetzt ist.</translation>
    </message>
    <message>
        <source>This build of Conclave has no keychain support.</source>
        <translation>Diese Version von Conclave wurde ohne Unterstützung für Schlüsselbunde erstellt.</translation>
    </message>
    <message>
        <source>No D-Bus session is running, so Conclave cannot reach the system keychain (Secret Service).</source>
        <translation>Es läuft keine D-Bus-Sitzung, daher erreicht Conclave den Schlüsselbund des Systems (Secret Service) nicht.</translation>
    </message>
    <message>
        <source>Conclave cannot use the system keychain.</source>
        <translation>Conclave kann den Schlüsselbund des Systems nicht verwenden.</translation>
    </message>
</context>
<context>
    <name>SshProbe</name>
    <message>
        <source>Waiting for the SSH server&apos;s identification.</source>
        <translation>Warten auf die Kennung des SSH-Servers.</translation>
    </message>
    <message>
        <source>The server did not answer like SSH.</source>
        <translation>Der Server hat nicht wie SSH geantwortet.</translation>
    </message>
    <message>
        <source>The server speaks SSH protocol %1, which is not supported.</source>
        <translation>Der Server spricht das SSH-Protokoll %1, das nicht unterstützt wird.</translation>
    </message>
    <message>
        <source>The server identified as %1.</source>
        <translation>Der Server meldet sich als %1.</translation>
    </message>
    <message>
        <source>Connected to SSH server %1; sign-in is not tested for SSH.</source>
        <translation>Mit dem SSH-Server %1 verbunden; die Anmeldung wird für SSH nicht getestet.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Keeps, tests and opens database and SSH connections.</source>
        <translation>Verwaltet, testet und öffnet Datenbank- und SSH-Verbindungen.</translation>
    </message>
    <message>
        <source>Use the connection database at &lt;file&gt;.</source>
        <translation>Die Verbindungsdatenbank in &lt;Datei&gt; verwenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
</context>
</TS>
