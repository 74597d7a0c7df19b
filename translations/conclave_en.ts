<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Conclave::Core::AccountClient</name>
    <message>
        <source>Another account operation is still running. Wait until it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in to Team Sharing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys the sharing server holds for this account cannot be unlocked with this password. They may have been altered; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server names another account for this address than before. Conclave does not sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ApiError</name>
    <message>
        <source>The email address or the password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your email address is not verified yet. Enter the code from the email the sharing server sent you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation&apos;s administrators have turned off Team Sharing for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Try again at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session with the sharing server has ended. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account with this email address exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server says these keys belong to another account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server holds a different version already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verification code is wrong or has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name of at most 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server refused the value of &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server has no such object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server has a problem. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server refused the request (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity of the sharing server cannot be verified: its TLS certificate is not trusted on this computer. Conclave does not connect to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server cannot be reached. Check the network connection and the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server did not answer in time. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server is too old for this version of Conclave. Ask its administrator to update it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server is newer than this version of Conclave. Update Conclave to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server gave an answer Conclave does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::AuditApi</name>
    <message>
        <source>The sharing server sent an audit answer that Conclave cannot read (at &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log is damaged. %1 Entries before this point verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log is intact: %1 entries and %2 checkpoints verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry is signed by a checkpoint yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries after entry %1 are not signed by a checkpoint yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer checked the server&apos;s audit key for the first time and now trusts it: %1. Compare it with the key your server&apos;s operator publishes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::AuditTrust</name>
    <message>
        <source>The record of the audit keys this computer trusts (%1) is damaged. Remove it to trust the server&apos;s key again on the next check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pinned audit key of the sharing server is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit checkpoint this computer remembers for the organisation is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server&apos;s audit key differs from the pinned one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record of trusted audit keys cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record of trusted audit keys cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::AuditVerifier</name>
    <message>
        <source>The audit entry holds text that is not UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit entry holds a value out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint at entry %1 has a bad signature: the server&apos;s audit key did not sign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint at entry %1 does not match the log: the entries up to it are not the ones the server signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent the audit log of another organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server now signs its audit log with a different key than the one this computer checked before. Do not trust this log until the server&apos;s operator has explained the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page after entry %1 does not continue the hash chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server says the log ends at entry %1, but it already sent entry %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 appears again after entry %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entries are out of order: entry %1 comes before entry %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 is missing: the log goes from entry %2 to entry %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 cannot be read: its bytes are not an audit entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 holds entry %2: entries were moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 belongs to the log of another organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 was changed: its bytes do not match the hash chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log was rewritten: up to entry %1 it no longer matches the checkpoint this computer verified before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint at entry %1 is not within the page of entries that carries it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s newest checkpoint went back from entry %1 to entry %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint at entry %1 lies beyond the log&apos;s end at entry %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log ends at entry %1, but the server says its newest entry is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log ends at entry %1, but this computer verified a checkpoint at entry %2 before: entries were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint at entry %1 was never met in the log&apos;s pages.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::BoundedFile</name>
    <message>
        <source>%1 is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ClientLauncher</name>
    <message>
        <source>Could not create a private folder for the credentials: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the credentials file: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH key file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection has no host to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name %1 is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening a connection through an SSH tunnel is not supported yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client program is set for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 client &quot;%2&quot; is not installed or not on the search path. Install it or choose another client in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal program &quot;%1&quot; was not found. Choose a terminal in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start &quot;%1&quot;: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::Connection</name>
    <message>
        <source>&quot;%1&quot; is a TLS setting; set it in the TLS settings instead of as an option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is on, but %1 &quot;%2&quot; allows unencrypted connections; choose a mode that requires TLS or turn TLS off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; requires TLS; turn TLS on or remove the option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection has no identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind of connection is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long (at most 200 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name must not contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a host to connect to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only MongoDB connections can have more than one host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only MongoDB connections can use an SRV record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mongodb+srv connection needs exactly one host, the SRV name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name or IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mongodb+srv connection cannot have a port; the SRV record provides it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mongodb+srv connection needs a host name, not an IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a port between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name must not contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database name must not contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Redis database is a number, 0 or greater.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An SSH connection has no database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An option name may only contain letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option &quot;%1&quot; holds a secret; secrets are kept in the keychain, not in options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An option value must not contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH connections do not use TLS settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file path must not contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file must be given as a full path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SSH host of the tunnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an SSH port between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH user name is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colour must be written as #rrggbb.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag must be a short text without control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes are too long (at most 100,000 characters).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ConnectionExporter</name>
    <message>
        <source># Conclave connections. Passwords are not included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a Conclave connections export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export has no valid format version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was written by a newer version of Conclave (format %1; this version reads up to %2). Update Conclave to import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder &quot;%1&quot; refers to a parent that is not in the file; it was put at the top level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; was skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; refers to a folder that is not in the file; it was put at the top level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is too large to be a Conclave export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the file, %1 %2.</source>
        <extracomment>%1 is a position in the file such as connections[3].hosts[0].port, %2 what is wrong</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a supported kind (&quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a pair of texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;password&quot; or &quot;privateKey&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ConnectionImporter</name>
    <message>
        <source>The file %1 is too large to be a list of connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quotation mark is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Host&quot; needs at least one name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include files are nested too deeply (a loop?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The included file %1 could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: the port &quot;%2&quot; is not a number between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 goes through several jump hosts; Conclave supports one, so it was not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: the jump host&apos;s port &quot;%2&quot; is not a number between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ConnectionRepository</name>
    <message>
        <source>The connection list is read-only because its database could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder cannot be moved into itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target folder no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder that still holds connections was not removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ConnectionStore</name>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 is not writable, so the connections database cannot be kept there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections database %1 is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections database was written by a newer version of Conclave (schema %1; this version reads up to %2). It was not changed; update Conclave to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its schema version is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections database %1 could not be opened (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder has an invalid identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder &quot;%1&quot; cannot be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; cannot be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections database %1 could not be created: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections database is damaged and was not changed. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections database could not be read or written (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections database %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is not an SQLite database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file header is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is shorter than its header says; it may have been truncated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file length does not match its page size; it may have been truncated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections database was just upgraded by a newer version of Conclave; update Conclave to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections database could not be upgraded to schema %1 and was not changed. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its integrity check failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is an SQLite database, but not one of Conclave&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection has an invalid identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection has an unknown kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection has unreadable hosts, options or tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder has no identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder cannot be moved into itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parent folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of the connection does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder in the Trash has an invalid identifier.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ConnectionTester</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection uses an SSH tunnel; testing the tunnel host %1 only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH tunnel has no host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection has no host to test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS does not apply to SSH; the setting is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is not available on this system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Testing the first of %n hosts.</source>
        <translation>
            <numerusform>Testing the first of %n host.</numerusform>
            <numerusform>Testing the first of %n hosts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking up the SRV record %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find the SRV record %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The SRV record names %n hosts; testing %1.</source>
        <translation>
            <numerusform>The SRV record names %n host; testing %1.</numerusform>
            <numerusform>The SRV record names %n hosts; testing %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The CA file %1 holds no certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client certificate is not used by the test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS established (%1, %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent far more data than expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is not valid for %1; accepted because invalid host names are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: the server closed the connection; it may not use TLS on this port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the connection unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out after %1 s during the TLS handshake; the server may not use TLS on this port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out after %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find the host %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection refused by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network cannot reach %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: the certificate is not valid for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: the certificate has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: the certificate is not valid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: the certificate has been revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: certificate is not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: the server did not answer with TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached the SSH tunnel host %1 (%2), but testing through SSH tunnels is not supported yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::ConnectionUri</name>
    <message>
        <source>Enter a connection URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a connection URI; it must start with a scheme such as mongodb:// or postgresql://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheme &quot;%1&quot; is not supported. Use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection URI cannot contain &apos;#&apos;. If it is part of the password, write it as %23.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name contains an invalid %-escape; write &apos;%&apos; as %25.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password contains an invalid %-escape; write &apos;%&apos; as %25.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URI names no host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only MongoDB URIs can list more than one host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mongodb+srv URI names exactly one host, the SRV name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database name contains an invalid %-escape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ssh:// URI has no database part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option &quot;%1&quot; must be written as name=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value of option &quot;%1&quot; contains an invalid %-escape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option value &quot;%1&quot; must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IPv6 address in host %1 is missing its closing bracket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 contains an invalid %-escape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in brackets is not an IPv6 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected text after the IPv6 address of host %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An IPv6 address must be written in brackets, like [2001:db8::1]:%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 is encoded (a socket path?); only host names and IP addresses are supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mongodb+srv URI cannot give a port; the SRV record provides it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port &quot;%1&quot; of host %2 is not a number between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::Crypto</name>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There was not enough memory to process the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data ends too early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is not in a format this version of Conclave understands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A length in the data is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data has unexpected bytes at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member&apos;s encryption key cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder key was granted for a different folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder key was granted for a key version the membership log does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder key grant has an invalid signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder key was granted by someone without the Manage role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder key was granted to someone who is not a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder key grant is addressed to someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder key grant is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder key needed for this step is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder key chain link does not belong to this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder key chain link is damaged or was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encryption key of a remaining member is missing, so the folder key cannot be shared with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item is too large to share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item&apos;s revision information is not consistent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item was written in a format this version of Conclave does not know. Update Conclave to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item has a kind this version of Conclave does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item&apos;s header is not consistent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item could not be decrypted. It may have been altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server delivered an item that belongs to a different folder (moved item).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server delivered a different item than the one requested (swapped id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item was written by someone who was never a member of the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item&apos;s signature is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item was written by a member without the right to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server delivered an older revision of this item than one already seen (rollback).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server delivered two different versions of the same item revision (fork).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item&apos;s revision does not follow the one already seen (broken chain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item uses a folder key version the membership log does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item was written with an outdated folder key (stale key version).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder name belongs to a different folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder key for this item is not available on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A delete marker carries unexpected content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asked for a password hashing strength below Conclave&apos;s minimum. Sign-in was stopped to protect your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asked for a weaker password hashing strength than it used before. Sign-in was stopped to protect your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asked for a password hashing cost this computer cannot afford.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a password salt of the wrong size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity key has the wrong size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member&apos;s security key has changed. Sharing with them is paused until a folder manager confirms the new safety number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is not the changed key waiting for confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key pins are damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be unlocked. The password may be wrong or the stored key may be damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A membership log entry has an unknown action or role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an older or truncated membership list than this computer has already seen (rollback).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an empty membership list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a membership list that contradicts one this computer has already seen (fork).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A membership log entry belongs to a different folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The membership log&apos;s hash chain is broken: an entry is missing, reordered or changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The membership log does not start with the folder&apos;s creation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A membership log entry is signed by someone who is not a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A membership log entry has an invalid signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A membership change is signed by a member without the Manage role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A membership log entry has an unexpected key version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A membership log entry is not valid for the folder&apos;s current members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder must always keep at least one manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key bundle names no user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key bundle&apos;s signature is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key sent to you could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety numbers do not match. Do not add this member: the key the server showed is not theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member&apos;s key has not been verified. Use an invitation code or compare safety numbers before adding them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager of a folder shared with this member can confirm their new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the invitation code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invitation is meant for someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation does not match the invitation code. Either the code was mistyped or the server changed the invitation; do not accept it until the code is checked with the person who invited you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manager confirming this key is not known here with the key the folder names for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An invitation code has 20 letters and digits, like 7K2QD-M9XTR-4HN6B-C0PWE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer belongs to a different invitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invitation has already been used or was tried with wrong codes too often. Create a new invitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation answer does not match the invitation code. Either the code was mistyped or the server changed the invitee&apos;s key; the member was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved security state of this account is damaged or was changed outside Conclave. Sharing stays stopped until it is resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved security state belongs to a different account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved security state is older than the one this computer last wrote; an old copy was put back. Sharing stays stopped until it is resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved security state cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved security state of this account is missing although this computer wrote one. Sharing stays stopped until it is resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security state could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a way to verify a member&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager of the folder can share its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder key does not match the key the folder&apos;s manager committed to in the membership list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member&apos;s key bundle does not carry the identity key the membership list binds to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member&apos;s identity key is not the one this computer pinned for them. A manager must confirm their new key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder key differs from the one this computer already holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not deliver this item, so it was not re-encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder state record is not consistent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder state belongs to a different folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change to the folder was made against a membership list that is outdated or differs from the one this computer accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change to the folder was made by a member without the right to make it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder state has an invalid signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder&apos;s items do not match its signed state: an item, a deletion or a newer revision is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change to the folder does not follow the last one this computer accepted: a change is missing or the history was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder state does not describe the item written with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server listed an item twice or one from another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item is in an unknown format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change is signed with an identity key its author no longer holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change was written under the folder key a departed member still holds. A manager must rotate the folder key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An item uses the id that belongs to the folder&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an older state of this folder than this computer has already accepted (rollback).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a state of this folder that contradicts the one this computer has already accepted (fork).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation&apos;s terms are not signed by the person who invited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation&apos;s terms name no role, no address, no membership log position or no expiry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::EffectiveSettings</name>
    <message>
        <source>Team Sharing is off because the policy set by your system administrator could not be read as written (see the problems below). It stays off until the administrator fixes the policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your system administrator has turned Team Sharing off on this computer. Conclave connects to no sharing server; your local connections work as before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your system administrator has turned Team Sharing on for this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your system administrator has set the sharing server for this computer; Conclave connects to no other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your system administrator allows at most %n minute(s) without input before Conclave signs you out of Team Sharing. You may choose a shorter time, not a longer one.</source>
        <translation>
            <numerusform>Your system administrator allows at most %n minute without input before Conclave signs you out of Team Sharing. You may choose a shorter time, not a longer one.</numerusform>
            <numerusform>Your system administrator allows at most %n minutes without input before Conclave signs you out of Team Sharing. You may choose a shorter time, not a longer one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conclave::Core::InvitationApi</name>
    <message>
        <source>The sharing server sent an invitation that Conclave cannot read (at &quot;%1&quot;). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address has 50 open invitations already. It can be invited again once some of them are answered or have expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address is not in the folder&apos;s organisation, and the organisation does not allow guests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address has an open invitation to this folder already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation has expired (invitations last 7 days), or the folder was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation was answered, cancelled or used already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have sent 100 invitations in the last 24 hours. You can invite again at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have sent 100 invitations in the last 24 hours. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server knows no such invitation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::InvitationFlow</name>
    <message>
        <source>Team Sharing is not ready: sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only members who manage this folder can invite people to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite at most %1 addresses at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a role for the people you invite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot invite yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one with the address %1 uses Team Sharing yet. Ask them to create an account first, then invite them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server sent keys for %1 that do not verify. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server answered for another invitation. Cancel it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer did not make this invitation, so it cannot confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety numbers do not match. Do not add %1: the key the sharing server gave for this address may not be theirs. Compare again, digit by digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an invitation code. A code has 20 letters and digits, like 7K2QD-M9XTR-B4N8W-CH3PZ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation code does not match this invitation. Check it with the person who invited you; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation was changed on its way to you; nothing was sent. Ask for a new invitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety numbers do not match, so the invitation may not be from %1. Compare again, digit by digit; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer to the invitation for %1 does not match its invitation code: it was not made with the code you passed on, or the sharing server changed it. %1 was not added; the invitation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer to the invitation for %1 carries other keys than the ones whose safety number you compared. %1 was not added; the invitation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer made this invitation and checks its code itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only members who manage this folder can add people to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not accepted this invitation yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server sent an answer to the invitation for %1 that does not carry their keys. Nothing was added; ask %1 to accept a new invitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation for %1 was made by someone who does not manage this folder now, so only a new invitation can add them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server did not send the terms the inviter signed for the invitation for %1. Only the client that made the invitation can complete it; or invite %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation for %1 as the sharing server lists it is not what the person who invited signed (the address, the role, the expiry or the invitation differs). Nothing was added; invite %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation for %1 expired on %2, so only a new invitation can add them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has not yet read the folder&apos;s members as they were when %1 was invited. Try again after the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was added to this folder, removed from it or given another role after the invitation was made, so only a new invitation can add them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terms of the invitation for %1 do not carry a valid signature by the person who invited under their key in this folder. Only the client that made the invitation can complete it; or invite %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation for %1 is signed to stay open longer than seven days, so it is not completed here; invite %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation for %1 is no longer the one you took over (its role or address changed). %1 was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a member of the folder already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a member of this folder already. Change their role under Members instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::KeychainSecretStore</name>
    <message>
        <source>macOS Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 could not be read from the system keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 could not be saved in the system keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 could not be removed from the system keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 is stored in the system keychain for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is locked or refused access. Unlock it (for example in your desktop&apos;s password manager) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain on this computer does not support this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not answer in time. It may be locked or busy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain returned different data than was stored in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain entry name is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own credential</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::KnownAccounts</name>
    <message>
        <source>The list of accounts used on this computer (%1) is damaged. Conclave does not sign in until it is repaired or removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of accounts used on this computer cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of accounts used on this computer cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::LiveChannel</name>
    <message>
        <source>The sharing server did not answer the live connection in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live connection to the sharing server stopped answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing&apos;s network access is not set up; no live connection is opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in to the sharing server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server ended the session of the live connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server refuses live updates for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live connection to the sharing server was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server ended the live connection of this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity of the sharing server cannot be verified: its TLS certificate is not trusted on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live connection to the sharing server failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::LocalCache</name>
    <message>
        <source>The local copy of the shared folders could not be read or written. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local copy of the shared folders is damaged. It was left as it is; sign in again to fetch the folders anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local copy of the shared folders was written by a newer version of Conclave. It was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared folder is not in the local copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::MachinePolicy</name>
    <message>
        <source>a value of type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy file %1 could not be read. Team Sharing is off until it can be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy file %1 is not a valid settings file. Team Sharing is off until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of the policy file %2 is neither a [section] nor key=value. Team Sharing is off until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 belongs outside any [section] (write it as %2); it is used anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Conclave policy key and is ignored. The keys are TeamSharingEnabled, ServerUrl and InactivityTimeoutMinutes, outside any [section].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is set more than once (as %2); the most restrictive of the values is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, which is not true or false (written in lower case; 1 or 0 as a registry DWORD). Team Sharing is off until this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a single URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a complete URL such as https://sharing.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only https:// URLs are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http:// is allowed only for this computer (localhost); use https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it must not contain a user name or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it must not contain a query (?) or fragment (#)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, which cannot be used: %3. Team Sharing is off until this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names two different servers. Team Sharing is off until only one is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, which is not a whole number of minutes; %3 minute is used until this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, but a policy can only shorten the sign-out time; %3 minutes are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, but the sign-out time is at least %3 minute; %3 minute is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy in %1 has a value without a key name. Team Sharing is off until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::MemorySecretStore</name>
    <message>
        <source>this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 is stored for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain entry name is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is stored under this name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::OrgBlocksApi</name>
    <message>
        <source>The sharing server sent a list of blocks that Conclave cannot read (at &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an email address or a domain to block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address belongs to an owner or admin of the organisation, and blocks never cover them. Make them a member first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server refused this domain: it is neither one of the organisation&apos;s domains nor that of one of its members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server refused this address: it is not the address of a member of the organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a reason of at most %1 characters, without invisible formatting characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the organisation&apos;s owners and admins can manage its blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server has no such block; it may have been lifted already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::Outbox</name>
    <message>
        <source>A change saved on this computer while offline (number %1) cannot be read: it was altered or belongs to another account. It was left as it is and is not sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::PendingInvitationStore</name>
    <message>
        <source>The invitations made on this computer could not be read or saved in the local copy of the shared folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An invitation kept on this computer cannot be read: it was altered or belongs to another account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::SecretStore</name>
    <message>
        <source>This secret store keeps no shared credentials.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::SharedConnection</name>
    <message>
        <source>The shared connection cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has the wrong type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>it is larger than %n KiB.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>it is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared connection was written by a newer version of Conclave. Update Conclave to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the kind of connection “%1” is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it lists more than %1 hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a host is not of the form host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has more than %1 options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SSH port is not between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SSH sign-in method is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has more than %1 tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sub-folder path is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sub-folder path contains control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it carries a secret option.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::SharingApi</name>
    <message>
        <source>The sharing server sent an answer that Conclave cannot read (at &quot;%1&quot;). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s list of organisations is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::SharingGate</name>
    <message>
        <source>Team Sharing is turned off on this computer by its administrator; Conclave connects to no sharing server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sharing server is set. Choose one in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a sharing server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclave talks only to the sharing server %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server %1 cannot be used: Conclave talks to a sharing server only over https (http only on this computer).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Core::SyncEngine</name>
    <message>
        <source>Team Sharing is not ready: sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This shared folder is not on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server&apos;s answer was refused and nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it describes another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it moves the folder to another organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you are no longer a member of this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager of this folder has not granted you its key yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder&apos;s state is missing although writes were seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the server could not deliver %n item(s) intact.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The folder changes faster than it can be read. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it lists more items than a folder holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an item is unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder&apos;s state is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation&apos;s administrators have turned off Team Sharing for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it says you were removed from this folder, but the folder&apos;s signed membership list still lists you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager of this folder removed you from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer does not hold the folder&apos;s current key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager of this folder can do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is not a member of the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose View, Edit or Manage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member has this role already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder would have no manager left. Give another member the Manage role first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another member of the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are the folder&apos;s only manager. Hand over Manage to another member before you leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You left this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To leave the folder yourself, use Leave folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder would have no manager left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a new key. Compare their safety number under Members before the folder can get a new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server did not name the address of every member, so their keys cannot be looked up. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server answered a key look-up for %1 with another key bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder kept changing while its key was replaced. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member&apos;s key is not known here yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety number does not match the member&apos;s new key. Do not confirm it; ask them how their key changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager of a folder shared with this member can confirm their new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local copy of the shared folders could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may only read this shared folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder kept changing while the change was saved. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed this connection meanwhile, so it was not deleted. Look at the change and delete it again if it should go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) wait on this computer until the sharing server can be reached: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A draft needs the id of its item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This refused change is no longer kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::AccountDialog</name>
    <message>
        <source>Team Sharing Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your other devices are signed out and sign in again with the new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing is available for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the password… Making the new keys takes a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is changed. Your other devices were signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is revoked; that device is signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::AuditEntryModel</name>
    <message>
        <source>Organisation created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block lifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder key granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed key confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder key rotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant the folder key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the folder key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the folder&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a connection&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed for the role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made on an outdated version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing is blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ConnectionCheckDialog</name>
    <message>
        <source>Test Connection — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored password could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Connection…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ConnectionDetailsPane</name>
    <message>
        <source>Select a connection to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH tunnel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (DNS SRV record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(with client certificate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(host names not checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n connection(s)</source>
        <translation>
            <numerusform>%1 — %n connection</numerusform>
            <numerusform>%1 — %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n subfolder(s)</source>
        <translation>
            <numerusform>in %n subfolder</numerusform>
            <numerusform>in %n subfolders</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ConnectionEditorDialog</name>
    <message>
        <source>New Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Orders (production)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a DNS &amp;SRV record (mongodb+srv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hosts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in your keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget the stored password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords are kept in your system keychain, never in Conclave&apos;s files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the stored client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow &amp;invalid host names (insecure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate and key files are read once and kept in your keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect through an &amp;SSH tunnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH &amp;host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH &amp;port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH &amp;user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private &amp;key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;options (for example authSource, replicaSet, sslmode):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database number, e.g. 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is too large to be a key or certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the client certificate that belongs to this key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;est Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the connection with the values entered here, before saving them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host is a DNS name whose SRV record lists the servers; such connections always use TLS unless you turn it off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH tunnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>An SRV record names a single host: the other %n host(s) will be removed when you save.</source>
        <translation>
            <numerusform>An SRV record names a single host: the other host will be removed when you save.</numerusform>
            <numerusform>An SRV record names a single host: the other %n hosts will be removed when you save.</numerusform>
        </translation>
    </message>
    <message>
        <source>Host %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard Changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypt the connection with T&amp;LS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ke&amp;y passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept until Conclave quits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in memory until Conclave quits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is in use: passwords are kept in memory until Conclave quits, never in Conclave&apos;s files. After a restart Conclave asks for them when you test or open the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is in use: the certificate and key files are read once and kept in memory until Conclave quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may only view this shared connection. You can still change your own credentials on the Authentication tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH user, password and passphrase are your own: they stay in this computer&apos;s keychain and are not shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;user name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your SSH &amp;user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your SSH pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your ke&amp;y passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget your stored password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for you: kept in this computer&apos;s keychain, never shared with the other members of the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificates and keys are not shared and are not used for shared connections.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ConnectionTreeModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may only view this shared folder: a manager of it can give you the right to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared folder. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared folder: the members of it see what you change here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own user name and password for this shared connection are missing: edit it to enter them (they stay in your keychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conflict copy of “%1”: the same field was changed here and by someone else at the same time. Compare the two, keep what you need in “%1” and delete this copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conflict copy of a connection that is no longer in this folder: the same field was changed here and by someone else at the same time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conflict copy of “%1”, made on %2: the same field was changed here and by someone else at the same time. Compare the two, keep what you need in “%1” and delete this copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conflict copy of a connection that is no longer in this folder, made on %1: the same field was changed here and by someone else at the same time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (conflict)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (conflict, %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::EmptyStateWidget</name>
    <message>
        <source>No connections yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your first database or SSH connection, or import connection URIs and hosts from your SSH configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection database could not be opened, so Conclave started with an empty, read-only list. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::EnforcedPolicyWidget</name>
    <message>
        <source>Set by your system administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your system administrator set these in %1. They cannot be changed in Conclave; ask your administrator if one of them stops you from working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-out after no input:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>at most %n minute(s)</source>
        <translation>
            <numerusform>at most %n minute</numerusform>
            <numerusform>at most %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems in the policy:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::FolderHistoryDialog</name>
    <message>
        <source>Folder History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also lists each time a member&apos;s computer read the folder&apos;s connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entries of the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Newer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest entries the server keeps about this folder, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ImportDialog</name>
    <message>
        <source>Import Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste connection URIs, one per line (mongodb://, mongodb+srv://, postgresql://, mysql://, redis://, ssh://), or read them from a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read ~/.ssh/&amp;config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections are added at the top level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections are added to the folder “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import URIs from a File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt *.uri *.list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the SSH configuration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to import yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) found.</source>
        <translation>
            <numerusform>%n connection found.</numerusform>
            <numerusform>%n connections found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) could not be read and will be skipped.</source>
        <translation>
            <numerusform>%n line could not be read and will be skipped.</numerusform>
            <numerusform>%n lines could not be read and will be skipped.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords found in URIs go to your keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick what you do not want; press F2 or double-click a name to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection to the same server, as the same user, exists already: “%1”. Tick it to import it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same connection is listed above. Tick it to import it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of them exist already and are not ticked.</source>
        <translation>
            <numerusform>%n of them exists already and is not ticked.</numerusform>
            <numerusform>%n of them exist already and are not ticked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Passwords found in URIs are kept in memory until Conclave quits (no keychain is in use).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::InactivityWarningDialog</name>
    <message>
        <source>Team Sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stay signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will be signed out of Team Sharing in %1 because there was no keyboard or mouse input. Shared folders will close; your local connections stay available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::InvitationsDialog</name>
    <message>
        <source>Invitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitations to shared folders. Accept one to join the folder; a manager&apos;s Conclave then adds you, and the folder appears in your tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation &amp;code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person who invited you passes the code on by another channel (chat, phone, in person).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read out yours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Their number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading your invitations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a shared folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no open invitations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 chose to compare safety numbers. Call them or meet in person: read out your number above, then type the one they read out for themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering the invitation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted. A manager&apos;s Conclave adds you when it is next online; the folder then appears in your tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your safety number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s Conclave adds you when it is next online. Another manager of the folder may call you to add you sooner: read out your safety number below, and check theirs under Members once you have joined.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ItemHistoryDialog</name>
    <message>
        <source>Connection History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entries of the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no entries about this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The newest %n entries the server keeps about this connection, newest first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::LanguageComboBox</name>
    <message>
        <source>Conclave speaks the chosen language from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::LanguageSetting</name>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::MainWindow</name>
    <message>
        <source>Conclave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy URI with &amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the URI including the password; the clipboard is cleared after 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the connection in its client in your terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, host or tag (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your connections were saved by a newer version of Conclave. Conclave started with an empty, read-only list and did not change the file. Update Conclave to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your connection database is damaged. Conclave started with an empty, read-only list and did not change the file (%1). Details: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your connection database could not be opened: %1 Conclave started with an empty, read-only list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some connections could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection list is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password or key could not be saved in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %n item(s)</source>
        <translation>
            <numerusform>Move %n item</numerusform>
            <numerusform>Move %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Rename Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password is stored for this connection; copied the URI without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URI with password copied. The clipboard is cleared in 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URI copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Import %n connection(s)</source>
        <translation>
            <numerusform>Import %n connection</numerusform>
            <numerusform>Import %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n connection(s).</source>
        <translation>
            <numerusform>Imported %n connection.</numerusform>
            <numerusform>Imported %n connections.</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclave export (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List of URIs (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n connection(s) without passwords.</source>
        <translation>
            <numerusform>Exported %n connection without passwords.</numerusform>
            <numerusform>Exported %n connections without passwords.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rena&amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpand All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;llapse All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted connections and folders, until you empty the Trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down: go to the matches. Enter: open the first match. Esc: clear the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the system keychain. It may be showing a prompt, for example to unlock your keyring or to choose a password for a new one, perhaps behind this window. You can go on working: passwords you enter are saved once the keychain answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain answered; passwords are kept there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;Keychain Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Moved the folder “%1” and %n connection(s) in it to the Trash. Ctrl+Z undoes it; View ▸ Trash restores it later.</source>
        <translation>
            <numerusform>Moved the folder “%1” and %n connection in it to the Trash. Ctrl+Z undoes it; View ▸ Trash restores it later.</numerusform>
            <numerusform>Moved the folder “%1” and %n connections in it to the Trash. Ctrl+Z undoes it; View ▸ Trash restores it later.</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved “%1” to the Trash. Ctrl+Z undoes it; View ▸ Trash restores it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Moved %n item(s) to the Trash. Ctrl+Z undoes it; View ▸ Trash restores them later.</source>
        <translation>
            <numerusform>Moved %n item to the Trash. Ctrl+Z undoes it; View ▸ Trash restores it later.</numerusform>
            <numerusform>Moved %n items to the Trash. Ctrl+Z undoes it; View ▸ Trash restores them later.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restore %n item(s)</source>
        <translation>
            <numerusform>Restore %n item</numerusform>
            <numerusform>Restore %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n item(s) from the Trash.</source>
        <translation>
            <numerusform>Restored %n item from the Trash.</numerusform>
            <numerusform>Restored %n items from the Trash.</numerusform>
        </translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Empty Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Emptied the Trash: %n item(s) deleted for good.</source>
        <translation>
            <numerusform>Emptied the Trash: %n item deleted for good.</numerusform>
            <numerusform>Emptied the Trash: %n items deleted for good.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection matches “%1”.

Press Esc to clear the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mo&amp;ve To…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves the selection into another folder, without the mouse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hare Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shares this folder with your organisation through Team Sharing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;Credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own user name and password for this shared connection, kept in your keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may only view this shared folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared folder was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your credentials are kept in your keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your credentials were not stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Shared Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share “%1” with your organisation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its connections are uploaded end-to-end encrypted and the folder becomes a shared folder that you manage. User names, passwords, keys and certificates are not shared: each member keeps their own in their keychain. The local folder is replaced once every connection is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder was not shared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder was not shared: your account belongs to no organisation that uses Team Sharing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing the folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sharing the folder: %1 of %n connection(s) stored…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The folder was not shared and stays here as it was: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder is shared now. Invite its members from its context menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in “%1”, you manage it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in “%1”, you may edit it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in “%1”, you may only view it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) of this shared folder could not be read and are not shown.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete from Shared Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s) for every member of the shared folder?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Mem&amp;bers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the folder&apos;s managers can invite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the folder&apos;s managers can read its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved changes to “%1” are kept and saved after you sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved changes to “%1” could not be kept: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may only view this shared folder, but you can set your own credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared Connection (View Only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no keychain to keep your credentials in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared connection is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shared item stays in its shared folder: moving it out would delete it for every member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only connections can be moved into a shared folder; a local folder is shared with Share Folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only you are a member of “%1” so far; everyone you invite will see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every member of “%1” will see it: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move into Shared Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %n connection(s) into the shared folder “%1”?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>User names and passwords are not shared: they stay only on this computer, as your own credentials for the shared connection. The local connection is removed once the shared folder has stored it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Moved %n connection(s) into the shared folder.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Team Sharing is not ready: sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not moved and stays here: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” stays here: a shared connection cannot keep its client certificate or SSH private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is in the shared folder now, but your credentials could not be stored there, so it stays here too: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” stays here: a shared connection cannot keep the path of its CA file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” goes to the shared folder once the sharing server can be reached; until the server has stored it, it stays here too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy was made, but your own credentials could not be copied to it; enter them with My Credentials: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local connections and shared items are moved separately: drag the local ones on their own to share them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1 without your stored credentials: the keychain could not read them: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shared folder&apos;s sub-folders come with the local folder you share; new ones cannot be added to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into a local folder, then move the connections into the shared folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Shared Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not created: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created “%1” in the shared folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::MemberListModel</name>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(address not known yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key changed: compare again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member&apos;s key is not the one seen before. Nothing is shared with them until you compare their new safety number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You compared this member&apos;s safety number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::MembersDialog</name>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand over Manage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare safety number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed out of Team Sharing; the members are shown again after sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of this shared folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of the shared folder &quot;%1&quot;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of %1 in this folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the role of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now has the role %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from this folder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder gets a new key, so %1 cannot read anything added or changed from now on. What %1 has already seen stays known to them: change any password they knew if it matters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing %1 and giving the folder a new key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was removed. The folder has a new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave this shared folder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its connections are removed from this computer. A manager can add you again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaving the folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You left the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand Over Manage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give %1 the Manage role and step down to Edit yourself?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can then no longer add or remove members or change roles, unless a manager gives you Manage again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand Over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handing over Manage to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 manages the folder now; you can edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare Safety Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key of %1 has changed. Ask them, in person or on a call, to read out the safety number next to their own address in this window, and type it here:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask %1, in person or on a call, to read out the safety number next to their own address in this window, and type it here:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key of %1 is confirmed. The folder gets a new key now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The safety numbers match: the key of %1 is verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number you typed is not the safety number shown for %1 here. Check that you typed it as they read it out; if you did, the key the sharing server shows for them is not theirs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::MoveToDialog</name>
    <message>
        <source>Move To</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Moves %n item(s) to the folder you choose.</source>
        <translation>
            <numerusform>Moves %n item to the folder you choose.</numerusform>
            <numerusform>Moves %n items to the folder you choose.</numerusform>
        </translation>
    </message>
    <message>
        <source>Top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::OrgAuditDialog</name>
    <message>
        <source>Organisation Audit Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries of the organisation&apos;s audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the whole log and checks its hash chain and the server&apos;s signed checkpoints on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Newer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation&apos;s audit log has no entries yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries %1 to %2 of %3, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified %1 of %2 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log could not be verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::OrgBlocksDialog</name>
    <message>
        <source>Organisation Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A block turns Team Sharing off for an address or a whole domain of the organisation. Blocks never cover the organisation&apos;s owners and admins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing blocks of the organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lift…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone in the organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone @%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the blocks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The blocks could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing is not blocked for anyone in the organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n block(s).</source>
        <translation>
            <numerusform>%n block.</numerusform>
            <numerusform>%n blocks.</numerusform>
        </translation>
    </message>
    <message>
        <source>Block Team Sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A whole &amp;domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Blocked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown to the blocked people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bl&amp;ock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address to block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the domain to block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole email address, such as name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a domain without &quot;@&quot;, such as example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone @%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block Team Sharing for %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people this block covers are signed out of Team Sharing at once, and the shared folders disappear from their computers until the block is lifted. They see your reason. After the block is lifted they verify their email address again before Team Sharing works for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block was not set: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing is blocked for %1 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing is blocked for everyone @%1 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift the block for %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing works again for the people it covers once they have verified their email address again, unless another block still covers them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifting the block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block was not lifted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block for %1 is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::PasswordPromptDialog</name>
    <message>
        <source>Password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is in use, so Conclave keeps no password for “%1”. Enter it to connect this time; it is used once and not stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run clients without a terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Terminal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands are split like a shell does, without expansions. Passwords are handed to clients through private files or their environment, never on the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://sharing.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the server signs you out of Team Sharing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the sharing server&apos;s address, for example https://sharing.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out after no input for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Team Sharing signs you out after this long without keyboard or mouse input; %n minute(s) at most. Local connections stay open.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::ShareFolderDialog</name>
    <message>
        <source>Share “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite people to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com, one or more, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View – use the connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit – also change them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage – also invite and remove people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An invitation &amp;code that I pass on myself (chat, phone, in person)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Safety numbers that we compare on a call or in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check their key with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclave adds them only after this check, so the sharing server cannot slip in a key of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite &amp;More People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open invitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ancel Invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number they read out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers Ma&amp;tch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;Invitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask %1 to read out their safety number. It must be: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbers match. Conclave adds them as soon as they accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an email address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite at most %1 addresses at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not invited: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1 or meet in person. Ask them to read out the safety number Conclave shows them under Team Sharing &gt; Invitations. It must be:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then read out yours: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Numbers Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the open invitations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted; compare safety numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted; adding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open invitations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted and waits for the inviter&apos;s Conclave to add them. To add them now, call them or meet in person and ask them to read out their safety number. It must be: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted, waiting for %1 — or compare safety numbers to add now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the inviter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted, waiting for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <comment>role of an invitation whose signed terms do not hold</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this code to %1 by another channel than email: a chat message, a phone call or in person. They type it when they accept. Only this computer can check the code (it keeps it, encrypted, until then): they join the next time Conclave runs here, signed in, after they accepted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::SharedCredentialsDialog</name>
    <message>
        <source>Your Credentials for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own, kept in your keychain: they are not shared with the other members of the folder and never leave this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH &amp;user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH key pass&amp;phrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::SharedTreeSync</name>
    <message>
        <source>Team Sharing is not ready: sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may only view this shared folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared connection is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no keychain to keep your credentials in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the items of one shared folder at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::SignInDialog</name>
    <message>
        <source>Sign In to Team Sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://sharing.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server your team runs. Ask your administrator for its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create an Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password unlocks your keys and never leaves this computer. Nobody, not even the server&apos;s administrator, can reset it: if you forget it, what was shared with you must be shared again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to Sign In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a &amp;New Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a Team Sharing Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify Your Email Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server sent a code to %1. Enter it to finish setting up your account. The code is valid for an hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of your team&apos;s sharing server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your email address and your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in… Unlocking your keys takes a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name as your colleagues should see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating your account… Making your keys takes a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code from the email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your email address is verified. Sign in with your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your email address is verified. Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new code is on its way to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::SyncProblemsDialog</name>
    <message>
        <source>Sync Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the sharing server refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy to My Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes a connection of your own, on this computer only, from the selected edits, so that what you typed is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throws the selected changes away for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing is not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a connection no longer held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content that cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder no longer held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may only view this folder now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change was saved. Nothing is waiting for a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change was refused by the sharing server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The sharing server refused %n change(s). They are kept on this computer, encrypted, until you decide: copy an edit to your own connections to keep what you typed, or discard it.</source>
        <translation>
            <numerusform>The sharing server refused %n change. It is kept on this computer, encrypted, until you decide: copy an edit to your own connections to keep what you typed, or discard it.</numerusform>
            <numerusform>The sharing server refused %n changes. They are kept on this computer, encrypted, until you decide: copy an edit to your own connections to keep what you typed, or discard it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored change(s) cannot be opened and can never be sent; nobody can read them. %1</source>
        <translation>
            <numerusform>%n stored change cannot be opened and can never be sent; nobody can read it. %1</numerusform>
            <numerusform>%n stored changes cannot be opened and can never be sent; nobody can read them. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Your own connections cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) discarded.</source>
        <translation>
            <numerusform>%n change discarded.</numerusform>
            <numerusform>%n changes discarded.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not every change could be discarded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied to your own connections: %1. Discard the refused change once you no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable change(s) deleted.</source>
        <translation>
            <numerusform>%n unreadable change deleted.</numerusform>
            <numerusform>%n unreadable changes deleted.</numerusform>
        </translation>
    </message>
    <message>
        <source>The unreadable changes could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Discard %n change(s)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>What they changed is lost for good. Copy an edit to your own connections first to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Discard %n unreadable change(s)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody can read them, so what they changed is lost for good.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::TeamSharingController</name>
    <message>
        <source>Team &amp;Sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Team Sharing or manage your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were signed out of Team Sharing after %1 minutes without input. Your local connections are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sharing server ended your session. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invitations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation Audit &amp;Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder &amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No folder you manage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invitations (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Team Sharing is offline (%1); trying again in %n s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Team Sharing is online again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shared folder was removed from this computer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation &amp;Blocks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;Problems…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what could not be saved and decide about it</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Team Sharing: %n change(s) could not be saved</source>
        <translation>
            <numerusform>Team Sharing: %n change could not be saved</numerusform>
            <numerusform>Team Sharing: %n changes could not be saved</numerusform>
        </translation>
    </message>
    <message>
        <source>Team Sharing could not update a shared folder&apos;s members: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team Sharing could not update the members of “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conclave::Gui::TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts the selected items back where they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n folder</numerusform>
            <numerusform>%n folders</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the %1 in the Trash for good, with their passwords and keys? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (folder, %n connection(s))</source>
        <translation>
            <numerusform>%1 (folder, %n connection)</numerusform>
            <numerusform>%1 (folder, %n connections)</numerusform>
        </translation>
    </message>
    <message>
        <source>Top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in the Trash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder that no longer exists (restored to the top level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted connections and folders stay here, with their passwords and keys in your keychain, until you empty the Trash. Restore puts them back where they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted connections and folders stay here until you empty the Trash. Restore puts them back where they were. No keychain is in use, so their passwords and keys are kept only until Conclave quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Empty Trash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeferredSecretStore</name>
    <message>
        <source>waiting for the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LauncherSettings</name>
    <message>
        <source>The command %1 has an unmatched quote.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MongoProbe</name>
    <message>
        <source>Sending hello to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer like MongoDB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer like MongoDB 3.6 or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused hello.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused hello: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member of replica set %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is a mongos router of a sharded cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wire version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (wire version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MongoDB (wire version %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MongoDB %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1; sign-in is not tested for MongoDB yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MySqlProbe</name>
    <message>
        <source>Waiting for the server&apos;s greeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer like MySQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server speaks a MySQL protocol version that is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server greeted as %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: the server does not accept TLS connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server to switch to TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter a user name to test signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is too old for the sign-in test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in as %1 with mysql_native_password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 %2; signed in as %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the connection: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server wants the %1 sign-in method, which the test does not support yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server asked for a sign-in step the test does not support yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 %2; sign-in not tested: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostgresProbe</name>
    <message>
        <source>PostgreSQL needs a user name to answer; enter one to test the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server to switch to TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the startup message for user %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent unexpected data before the TLS handshake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: the server does not accept TLS connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer like PostgreSQL to the TLS request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer like PostgreSQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported ready before signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to PostgreSQL; signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1; signed in as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asks for a password, and none was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asks for the password in clear text over an unencrypted connection; it was not sent. Turn on TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in with a password (protected by TLS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in with md5 password authentication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server offers no sign-in method that Conclave supports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in with SCRAM-SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server proved that it knows the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asks for a sign-in method that Conclave does not support (code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not let this user sign in from here: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the connection: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedisProbe</name>
    <message>
        <source>Signing in with the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer like Redis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no password set; none was needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asks for a password, and none was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server runs in %1 mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1; signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1; signed in as %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScramSha256</name>
    <message>
        <source>The sign-in exchange started out of order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asked for a SCRAM extension that is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s SCRAM challenge is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s SCRAM challenge does not continue this sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asked for %1 password hashing rounds; at most %2 are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejected the sign-in (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s final SCRAM message is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not prove that it knows the password; it may not be the server you meant to reach.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretKind</name>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>A secret can only be stored for a saved connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of secret is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret is too large to store; the limit is %1 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStoreFactory</name>
    <message>
        <source>Passwords and keys are kept in memory until Conclave quits and will be asked for again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is not used because %1 is set to “memory”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of Conclave has no keychain support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No D-Bus session is running, so Conclave cannot reach the system keychain (Secret Service).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclave cannot use the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SshProbe</name>
    <message>
        <source>Waiting for the SSH server&apos;s identification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer like SSH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server speaks SSH protocol %1, which is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server identified as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to SSH server %1; sign-in is not tested for SSH.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Keeps, tests and opens database and SSH connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the connection database at &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
