#!/usr/bin/env python3
"""Signs in to Upon through its real sign-in page and prints the Cookie header to send (bench/load.sh).

Cookies are handled by hand because Upon's are Secure: the bench talks plain HTTP to the app as a TLS proxy would,
with X-Forwarded-Proto: https, and a client cookie jar would not send Secure cookies over http.
Usage: signin.py BASE_URL EMAIL PASSWORD
"""
import html
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

base, email, password = sys.argv[1:4]
jar = {}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def request(path, data=None):
    headers = {"X-Forwarded-Proto": "https", "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}
    req = urllib.request.Request(base + path, data=data, headers=headers)
    try:
        response = opener.open(req)
    except urllib.error.HTTPError as e:
        response = e
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        jar[name.strip()] = rest.split(";", 1)[0]
    return response.status, response.read().decode("utf-8", "replace")


status, page = request("/account/sign-in")
token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page)
if token is None:
    sys.exit(f"no antiforgery token on the sign-in page (status {status})")
form = urllib.parse.urlencode({"Email": email, "Password": password, "__RequestVerificationToken": html.unescape(token.group(1))}).encode()
status, _ = request("/account/sign-in", form)
if status != 302:
    sys.exit(f"signing in as {email} answered {status}")
print("; ".join(f"{k}={v}" for k, v in jar.items()))
