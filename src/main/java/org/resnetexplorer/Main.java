package org.resnetexplorer;
public final class Main { public static void main(String[] a) {} }
