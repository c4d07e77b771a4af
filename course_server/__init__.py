"""The course's Jupyter/Voila server code, kept out of the ``widgets`` package.

``widgets`` must run wherever Python runs in a browser (JupyterLite, Pyodide), so it imports no
server library. What only a server needs lives here:

* :mod:`course_server.kernels`: ``CourseKernelManager``, the kernel manager voila.json names
  (``VoilaConfiguration.multi_kernel_manager_class``).
* :mod:`course_server.render_guard`: a page Voila cannot render ends with a message instead of
  loading forever; a Jupyter Server extension too (postBuild enables it for Binder).

Tested with jupyter_server 2.21 and voila 0.5 (the range is pinned in pyproject.toml).
"""
