#!/usr/bin/python3
# SMTP sink for TestServerMail: Debian's aiosmtpd with STARTTLS required and AUTH required
# (only after TLS), storing accepted mail in a Maildir. The aiosmtpd command line cannot
# set up authentication, hence this small script.
#   smtp-auth-sink.py <port> <maildir> <cert.pem> <key.pem> <user>   (password: $SINK_PASSWORD)
# Prints "ready" once listening and runs until its standard input closes.
import os
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword

port, maildir, cert, key, user = sys.argv[1:6]
password = os.environ["SINK_PASSWORD"].encode()


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
          and auth_data.password == password)
    return AuthResult(success=ok, handled=False)


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(Mailbox(maildir), hostname="127.0.0.1", port=int(port),
                        server_hostname="127.0.0.1", tls_context=context, require_starttls=True,
                        auth_required=True, auth_require_tls=True, authenticator=authenticator)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
