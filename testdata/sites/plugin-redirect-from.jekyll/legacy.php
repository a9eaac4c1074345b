<!DOCTYPE html>
<html lang="en-US">
  <meta charset="utf-8">
  <title>Redirecting&hellip;</title>
  <link rel="canonical" href="https://example.org/site/about/">
  <script>location="https://example.org/site/about/"</script>
  <meta http-equiv="refresh" content="0; url=https://example.org/site/about/">
  <meta name="robots" content="noindex">
  <h1>Redirecting&hellip;</h1>
  <a href="https://example.org/site/about/">Click here if you are not redirected.</a>
</html>
