"""The shells: the `kgqa` command line, the HTTP API and the Gradio app, over kg/ and qa/.

A user's command, request or click in; text, JSON or a page out. No graph or template knowledge of
their own: they call kg/ and qa/.
"""
